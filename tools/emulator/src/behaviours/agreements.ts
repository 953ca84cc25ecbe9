import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { withCollection } from './collection-view.js';
import { generic, requireItem } from './generic.js';

/**
 * Agreements: a language names its agreement and the revision in force (the newest one whose
 * `effectiveAt` has passed, computed when read, since time moves); a revision keeps its text out of
 * every answer, ends the validity of the revision before it, and cannot be deleted once in force.
 */
export const agreementBehaviours: BehaviourFamily = {
  createAgreementLanguage: (context) =>
    generic.create(context, { ...bodyOf(context), agreement: { id: context.pathParameters.agreementId } }),
  replaceAgreementLanguage: (context) =>
    withCurrentRevision(
      context,
      generic.replace(context, { ...bodyOf(context), agreement: { id: context.pathParameters.agreementId } }),
    ),
  getAgreementLanguage: (context) => withCurrentRevision(context, generic.read(context)),
  listAgreementLanguages: (context) => {
    const languages = new Map(
      [...context.store.items(context.location.key)].map(([id, language]) => [
        id,
        languageWithRevision(context, `${context.location.key}/${id}/revisions`, language),
      ]),
    );
    return generic.list(withCollection(context, context.location.key, languages));
  },
  createAgreementRevision: (context) => {
    const { text, ...body } = bodyOf(context);
    const revisions = context.store.items(context.location.key);
    const previous = [...revisions.values()].at(-1);
    const reply = generic.create(context, {
      ...body,
      agreement: { id: context.pathParameters.agreementId },
      language: { id: context.pathParameters.languageId },
    });
    const revision = reply.body as Resource;
    const href = `${context.services.apiUrl}${context.location.key}/${String(revision.id)}`;
    const stored = { ...revision, _links: { self: { href }, text: { href: `${href}/text` } } };
    context.store.putItem(context.location.key, String(revision.id), stored);
    context.store.privateData(`${context.location.key}/${String(revision.id)}`).text = text;
    if (previous) {
      context.store.putItem(context.location.key, String(previous.id), {
        ...previous,
        notValidAfter: revision.effectiveAt,
      });
    }
    return { ...reply, body: stored };
  },
  deleteAgreementRevision: (context) => {
    const revision = requireItem(context);
    if (Date.parse(String(revision.effectiveAt)) <= Date.now()) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'effectiveAt',
          message: 'A revision that has come into force cannot be deleted.',
        },
      ]);
    }
    return generic.delete(context);
  },
};

function bodyOf(context: BehaviourContext): Record<string, unknown> {
  return isObject(context.body) ? context.body : {};
}

function withCurrentRevision(context: BehaviourContext, reply: Reply): Reply {
  const language = reply.body as Resource;
  const key = `${context.location.collectionKey ?? ''}/${String(language.id)}/revisions`;
  return { ...reply, body: languageWithRevision(context, key, language) };
}

/** The language with `currentRevision` set to the newest revision already in force, if any. */
function languageWithRevision(context: BehaviourContext, revisionsKey: string, language: Resource): Resource {
  const now = Date.now();
  let current: Resource | undefined;
  for (const revision of context.store.items(revisionsKey).values()) {
    const effective = Date.parse(String(revision.effectiveAt));
    if (effective <= now && (!current || effective >= Date.parse(String(current.effectiveAt))))
      current = revision;
  }
  const { currentRevision: _stale, ...rest } = language;
  return current ? { ...rest, currentRevision: { id: current.id } } : rest;
}
