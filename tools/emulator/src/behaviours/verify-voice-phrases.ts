import { isObject } from '@pingone-sdk/openapi';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';

/**
 * Contents of a voice phrase belong to the phrase in their URL: they answer it as `voicePhrase`, are
 * found only under it (another phrase's URL answers 404) and go when the phrase is deleted.
 */
export const verifyVoicePhraseBehaviours: BehaviourFamily = {
  createVoicePhraseContent: (context) => generic.create(context, withPhrase(context)),
  replaceVoicePhraseContent: (context) => generic.replace(context, withPhrase(context)),
};

function withPhrase(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  return { ...body, voicePhrase: { id: context.pathParameters.voicePhraseId } };
}
