import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { assertNotDefault, nextDefault, takeDefault } from './default-flag.js';
import { generic, newResource, requireItem } from './generic.js';

const noun = 'sign-on policy';

/** PingOne: "A sign-on policy can have a maximum of 20 associated sign-on policy actions." */
const maximumActions = 20;

/** Applications may name a policy in `acr_values`, so PingOne keeps names to these characters. */
const namePattern = /^[A-Za-z0-9_.-]+$/;

/**
 * Sign-on policies (one default, which cannot be deleted; names usable in `acr_values`) and their
 * actions, kept in priority order.
 *
 * Priorities, as the spec describes them: two actions of a policy never share one, so creating or
 * moving an action onto a taken priority shifts that action and every later one down by one (an
 * insert); deleting an action leaves the others' priorities as they are (gaps are allowed, PingOne
 * documents priorities from 1 to maxInt). The collection is stored sorted, so the generic list
 * answers actions by ascending priority.
 */
export const signOnPolicyBehaviours: BehaviourFamily = {
  createSignOnPolicy: createPolicy,
  replaceSignOnPolicy: replacePolicy,
  deleteSignOnPolicy: deletePolicy,
  createSignOnPolicyAction: createAction,
  replaceSignOnPolicyAction: replaceAction,
};

function createPolicy(context: BehaviourContext): Reply {
  const body = policyBody(context);
  const reply = generic.create(context, { ...body, default: body.default === true });
  afterPolicyWrite(context, reply);
  return reply;
}

/** PUT rewrites name, description and the default flag; the actions stay. */
function replacePolicy(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = policyBody(context);
  const reply = generic.replace(context, { ...body, default: nextDefault(existing, body.default, noun) });
  afterPolicyWrite(context, reply);
  return reply;
}

function deletePolicy(context: BehaviourContext): Reply {
  assertNotDefault(requireItem(context), noun);
  return generic.delete(context);
}

function afterPolicyWrite(context: BehaviourContext, reply: Reply): void {
  const stored = reply.body as Resource;
  if (stored.default === true) {
    takeDefault(context.store, context.location.collectionKey ?? '', stored.id as string);
  }
}

function policyBody(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  if (typeof body.name === 'string' && !namePattern.test(body.name)) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'name',
        message: 'A sign-on policy name may contain only letters, digits, "-", "_" and ".".',
      },
    ]);
  }
  return body;
}

function createAction(context: BehaviourContext): Reply {
  const collectionKey = context.location.key;
  if (context.store.items(collectionKey).size >= maximumActions) {
    throw invalidData([
      {
        code: 'SIZE_LIMIT_EXCEEDED',
        target: 'priority',
        message: `A sign-on policy can have at most ${maximumActions} actions.`,
      },
    ]);
  }
  const body = actionBody(context);
  makeRoom(context.store, collectionKey, body.priority, undefined);
  const reply = generic.create(context, body);
  sortByPriority(context.store, collectionKey);
  return reply;
}

/** A replace may move the action to another priority; its `type` stays what it was created as. */
function replaceAction(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = actionBody(context);
  if (body.type !== existing.type) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'type',
        message: `The type of a sign-on policy action cannot change (it is ${String(existing.type)}).`,
      },
    ]);
  }
  const collectionKey = context.location.collectionKey ?? '';
  makeRoom(context.store, collectionKey, body.priority, existing.id as string);
  const reply = generic.replace(context, body);
  sortByPriority(context.store, collectionKey);
  return reply;
}

/** The body with the server's link to its policy (the URL's policy, whatever the body said). */
function actionBody(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  return { ...body, signOnPolicy: { id: context.pathParameters.signOnPolicyId ?? '' } };
}

/** Shifts the action at `priority` and the ones after it down by one, unless the slot is free. */
function makeRoom(
  store: Store,
  collectionKey: string,
  priority: unknown,
  movingId: string | undefined,
): void {
  if (typeof priority !== 'number') return;
  const items = store.items(collectionKey);
  const others = [...items.values()].filter((item) => item.id !== movingId);
  if (!others.some((item) => item.priority === priority)) return;
  for (const item of others) {
    if (typeof item.priority === 'number' && item.priority >= priority) {
      items.set(item.id as string, { ...item, priority: item.priority + 1 });
    }
  }
}

/** Re-inserts the actions by ascending priority: the store keeps insertion order and lists page over it. */
function sortByPriority(store: Store, collectionKey: string): void {
  const items = store.items(collectionKey);
  const sorted = [...items.entries()].sort(
    ([, left], [, right]) => Number(left.priority ?? 0) - Number(right.priority ?? 0),
  );
  items.clear();
  for (const [id, item] of sorted) items.set(id, item);
}

/**
 * The policies a new PingOne environment comes with: "Single_Factor" (the default: username and
 * password with recovery) and "Multi_Factor" (the same, then a second factor under the environment's
 * default MFA device policy).
 */
export function seedSignOnPolicies(store: Store, apiUrl: string, environmentId: string): void {
  const collectionKey = `/environments/${environmentId}/signOnPolicies`;
  const login = { type: 'LOGIN', priority: 1, recovery: { enabled: true }, registration: { enabled: false } };
  const seeded: Array<[Resource, Resource[]]> = [
    [
      {
        name: 'Single_Factor',
        description: 'A sign-on policy that requires username and password.',
        default: true,
      },
      [login],
    ],
    [
      {
        name: 'Multi_Factor',
        description: 'A sign-on policy that requires username and password, then a second factor.',
        default: false,
      },
      [login, { type: 'MULTI_FACTOR_AUTHENTICATION', priority: 2, noDevicesMode: 'BLOCK' }],
    ],
  ];
  for (const [policyBody, actionBodies] of seeded) {
    const policyId = randomUUID();
    store.putItem(
      collectionKey,
      policyId,
      newResource(apiUrl, environmentId, collectionKey, policyId, policyBody),
    );
    const actionsKey = `${collectionKey}/${policyId}/actions`;
    for (const body of actionBodies) {
      const id = randomUUID();
      const stored = newResource(apiUrl, environmentId, actionsKey, id, {
        ...body,
        signOnPolicy: { id: policyId },
      });
      store.putItem(actionsKey, id, stored);
    }
  }
}
