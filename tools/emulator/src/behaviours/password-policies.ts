import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { assertNotDefault, nextDefault, takeDefault } from './default-flag.js';
import { generic, newResource, requireItem } from './generic.js';

const noun = 'password policy';

/** Password policies: exactly one default, the default cannot be deleted, length bounds must agree. */
export const passwordPolicyBehaviours: BehaviourFamily = {
  createPasswordPolicy: createPolicy,
  replacePasswordPolicy: replacePolicy,
  deletePasswordPolicy: deletePolicy,
};

function createPolicy(context: BehaviourContext): Reply {
  const body = checkedBody(context);
  const reply = generic.create(context, { ...body, default: body.default === true, populationCount: 0 });
  afterWrite(context, reply);
  return reply;
}

function replacePolicy(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = checkedBody(context);
  const reply = generic.replace(context, {
    ...body,
    default: nextDefault(existing, body.default, noun),
    populationCount: existing.populationCount ?? 0,
  });
  afterWrite(context, reply);
  return reply;
}

function deletePolicy(context: BehaviourContext): Reply {
  assertNotDefault(requireItem(context), noun);
  return generic.delete(context);
}

function afterWrite(context: BehaviourContext, reply: Reply): void {
  const stored = reply.body as Resource;
  if (stored.default === true) {
    takeDefault(context.store, context.location.collectionKey ?? '', stored.id as string);
  }
}

/** The body as an object, with PingOne's cross-field check the schema cannot express. */
function checkedBody(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  const length = isObject(body.length) ? body.length : {};
  if (typeof length.min === 'number' && typeof length.max === 'number' && length.min > length.max) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'length.min',
        message: 'length.min cannot be larger than length.max.',
      },
    ]);
  }
  return body;
}

/** Every character class at least once, PingOne's `minCharacters` of its built-in policies. */
const everyClassOnce = {
  ABCDEFGHIJKLMNOPQRSTUVWXYZ: 1,
  abcdefghijklmnopqrstuvwxyz: 1,
  '0123456789': 1,
  '~!@#$%^&*()-_=+[]{}|;:,.<>/?': 1,
};

/**
 * The policies a new PingOne environment comes with: "Standard" (the default), "Basic" and
 * "Passphrase". The rules follow the spec's example and PingOne's console defaults; the lockout
 * (5 failures) matches the users behaviour's password checks.
 */
const builtInPolicies: readonly Resource[] = [
  {
    name: 'Standard',
    description: 'A standard policy that incorporates industry best practices.',
    default: true,
    excludesCommonlyUsed: true,
    excludesProfileData: true,
    notSimilarToCurrent: true,
    length: { min: 8, max: 255 },
    minCharacters: everyClassOnce,
    maxRepeatedCharacters: 2,
    minUniqueCharacters: 5,
    history: { count: 6, retentionDays: 365 },
    lockout: { failureCount: 5, durationSeconds: 900 },
    minAgeDays: 1,
    maxAgeDays: 182,
    populationCount: 1,
  },
  {
    name: 'Basic',
    description: 'A basic policy that requires users to enter a value for password.',
    default: false,
    excludesCommonlyUsed: false,
    excludesProfileData: false,
    notSimilarToCurrent: false,
    length: { min: 8, max: 255 },
    populationCount: 0,
  },
  {
    name: 'Passphrase',
    description: 'A policy that encourages the use of passphrases.',
    default: false,
    excludesCommonlyUsed: true,
    excludesProfileData: true,
    notSimilarToCurrent: true,
    length: { min: 30, max: 255 },
    minComplexity: 7,
    history: { count: 6, retentionDays: 365 },
    lockout: { failureCount: 5, durationSeconds: 900 },
    populationCount: 0,
  },
];

/** Puts PingOne's built-in password policies into a new environment. */
export function seedPasswordPolicies(store: Store, apiUrl: string, environmentId: string): void {
  const collectionKey = `/environments/${environmentId}/passwordPolicies`;
  for (const body of builtInPolicies) {
    const id = randomUUID();
    store.putItem(collectionKey, id, newResource(apiUrl, environmentId, collectionKey, id, body));
  }
}
