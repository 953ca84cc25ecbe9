import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { compileFilter, type Predicate } from '../filter/compile-filter.js';
import { FilterError } from '../filter/filter-expression.js';
import { parseFilter } from '../filter/parse-filter.js';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import {
  assertIssuerProfile,
  credentialData,
  environmentKey,
  hardExpiry,
  storeIssuedCredential,
} from './credentials-issuing.js';
import { generic, readPath } from './generic.js';
import { userGroups } from './user-group-memberships.js';

/**
 * Issuance rules never touch credentials directly:
 * 1. An ACTIVE rule stages ISSUE for each user its filter covers who holds none of its credentials,
 *    and REVOKE for each holder it no longer covers; a DISABLED rule stages nothing. Staged changes
 *    follow the directory: they are brought up to date whenever the rule, its credential type or the
 *    staged changes are read or written.
 * 2. Replacing the credential type stages UPDATE for every holder of its rules' credentials.
 * 3. A staged change is `scheduled` when its action's automation is PERIODIC. Only applying carries
 *    changes out (the emulator has no periods): the users named per action, or all without a body.
 * 4. Usage counts and details record each change carried out.
 */

type Action = 'ISSUE' | 'UPDATE' | 'REVOKE';
const actionKeys = { ISSUE: 'issue', UPDATE: 'update', REVOKE: 'revoke' } as const;

interface RuleState {
  /** Holder user id → the credential the rule issued them. */
  holders: Record<string, string>;
  /** Holders whose credential waits for an update after the type changed. */
  updates: string[];
  usage: Record<
    'issued' | 'updated' | 'revoked',
    Array<{ user: { id: string }; credential: { id: string }; createdAt: string }>
  >;
}

export const credentialIssuanceRuleBehaviours: BehaviourFamily = {
  createCredentialIssuanceRule: (context) => {
    const reply = generic.create(context, withType(context, checkedRule(context)));
    stageFor(context.store, context.services.apiUrl, reply.body as Resource);
    return reply;
  },
  replaceCredentialIssuanceRule: (context) => {
    const reply = generic.replace(context, withType(context, checkedRule(context)));
    stageFor(context.store, context.services.apiUrl, reply.body as Resource);
    return reply;
  },
  listCredentialIssuanceRuleStagedChanges: (context) => {
    stageFor(context.store, context.services.apiUrl, requireRule(context));
    return generic.list(context);
  },
  applyCredentialIssuanceRuleStagedChanges: (context) => applyStaged(context),
  getCredentialIssuanceRuleUsageCounts: (context) => {
    const { usage } = ruleState(context.store, requireRule(context));
    const counts = {
      issued: usage.issued.length,
      accepted: 0,
      updated: usage.updated.length,
      revoked: usage.revoked.length,
    };
    return { status: 200, body: counts };
  },
  getCredentialIssuanceRuleUsageDetails: (context) => ({
    status: 200,
    body: ruleState(context.store, requireRule(context)).usage,
  }),
};

/** Policy 2, called by the credential type's replacement. */
export function stageTypeUpdates(store: Store, apiUrl: string, typeKey: string): void {
  for (const rule of store.items(`${typeKey}/issuanceRules`).values()) {
    const state = ruleState(store, rule);
    for (const userId of Object.keys(state.holders))
      if (!state.updates.includes(userId)) state.updates.push(userId);
    stageFor(store, apiUrl, rule);
  }
}

function withType(context: BehaviourContext, body: Resource): Resource {
  return { ...body, credentialType: { id: context.pathParameters.credentialTypeId } };
}

/** The request's rule, once its SCIM filter (if any) is known to parse. */
function checkedRule(context: BehaviourContext): Resource {
  const body = context.body as Resource;
  coverage(body);
  return body;
}

/** The rule of the URL, for the operations on its staged changes and usage. */
function requireRule(context: BehaviourContext): Resource {
  const { credentialTypeId = '', credentialIssuanceRuleId = '' } = context.pathParameters;
  const rules = `${environmentKey(context)}/credentialTypes/${credentialTypeId}/issuanceRules`;
  const rule = context.store.getItem(rules, credentialIssuanceRuleId);
  if (!rule) throw notFound(`Unable to find issuance rule with ID ${credentialIssuanceRuleId}.`);
  return rule;
}

/** The predicate of the users a rule covers; 400 INVALID_DATA for a SCIM filter that does not parse. */
function coverage(rule: Resource): (store: Store, environment: string, user: Resource) => boolean {
  const filter = isObject(rule.filter) ? rule.filter : {};
  const ids = (value: unknown) => new Set(Array.isArray(value) ? value.map(String) : []);
  if (Array.isArray(filter.populationIds)) {
    const populations = ids(filter.populationIds);
    return (_store, _environment, user) => populations.has(String(readPath(user, 'population.id')));
  }
  if (Array.isArray(filter.groupIds)) {
    const groups = ids(filter.groupIds);
    return (store, environment, user) =>
      [...userGroups(store, environment.split('/')[2] ?? '', String(user.id)).keys()].some((id) =>
        groups.has(id),
      );
  }
  if (typeof filter.scim === 'string') {
    let predicate: Predicate;
    try {
      predicate = compileFilter(parseFilter(filter.scim), undefined, [
        'eq',
        'ne',
        'co',
        'sw',
        'ew',
        'gt',
        'ge',
        'lt',
        'le',
        'pr',
      ]);
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      throw invalidData([{ code: 'INVALID_FILTER', target: 'filter.scim', message: error.message }]);
    }
    return (_store, _environment, user) => predicate(user);
  }
  return () => false;
}

function ruleKey(rule: Resource): string {
  return new URL(String(readPath(rule, '_links.self.href'))).pathname.replace(/^\/v1/, '');
}

function ruleState(store: Store, rule: Resource): RuleState {
  const data = store.privateData(ruleKey(rule)) as Partial<RuleState>;
  data.holders ??= {};
  data.updates ??= [];
  data.usage ??= { issued: [], updated: [], revoked: [] };
  return data as RuleState;
}

/** Policies 1 to 3: the rule's staged changes brought up to date with the directory and its holders. */
function stageFor(store: Store, apiUrl: string, rule: Resource): void {
  const key = ruleKey(rule);
  const environment = key.split('/').slice(0, 3).join('/');
  const state = ruleState(store, rule);
  const wanted = new Map<string, Action>();
  if (rule.status === 'ACTIVE') {
    const covers = coverage(rule);
    for (const user of store.items(`${environment}/users`).values()) {
      const id = String(user.id);
      const held = state.holders[id] !== undefined;
      if (covers(store, environment, user)) {
        if (!held) wanted.set(id, 'ISSUE');
        else if (state.updates.includes(id)) wanted.set(id, 'UPDATE');
      } else if (held) wanted.set(id, 'REVOKE');
    }
  }
  const staged = store.items(`${key}/stagedChanges`);
  for (const [id, change] of staged) {
    const userId = String(readPath(change, 'user.id'));
    if (wanted.get(userId) === change.action) wanted.delete(userId);
    else staged.delete(id);
  }
  const automation = isObject(rule.automation) ? rule.automation : {};
  for (const [id, change] of staged) {
    const scheduled = automation[actionKeys[change.action as Action]] === 'PERIODIC';
    if (change.scheduled !== scheduled) staged.set(id, { ...change, scheduled });
  }
  const now = new Date().toISOString();
  for (const [userId, action] of wanted) {
    const id = randomUUID();
    staged.set(id, {
      _links: { self: { href: `${apiUrl}${key}/stagedChanges/${id}` } },
      id,
      environment: rule.environment,
      credentialType: rule.credentialType,
      issuanceRule: { id: rule.id },
      user: { id: userId },
      action,
      scheduled: automation[actionKeys[action]] === 'PERIODIC',
      createdAt: now,
      updatedAt: now,
    });
  }
}

/** Policies 3 and 4. */
function applyStaged(context: BehaviourContext): Reply {
  const { store } = context;
  const apiUrl = context.services.apiUrl;
  const rule = requireRule(context);
  stageFor(store, apiUrl, rule);
  const environment = environmentKey(context);
  const selection = isObject(context.body) ? context.body : undefined;
  const chosen = (action: Action, userId: string) => {
    if (selection === undefined) return true;
    const users = selection[actionKeys[action]];
    return Array.isArray(users) && users.includes(userId);
  };
  const staged = store.items(`${ruleKey(rule)}/stagedChanges`);
  const picked = [...staged.values()].filter((change) =>
    chosen(change.action as Action, String(readPath(change, 'user.id'))),
  );
  if (picked.some((change) => change.action !== 'REVOKE')) assertIssuerProfile(store, environment);
  const credentialType =
    store.getItem(`${environment}/credentialTypes`, context.pathParameters.credentialTypeId ?? '') ?? {};
  const state = ruleState(store, rule);
  const applied: Record<'issue' | 'update' | 'revoke', string[]> = { issue: [], update: [], revoke: [] };
  for (const change of picked) {
    const userId = String(readPath(change, 'user.id'));
    const user = store.getItem(`${environment}/users`, userId);
    const action = change.action as Action;
    const now = new Date();
    let credentialId = state.holders[userId] ?? '';
    if (action === 'ISSUE' && user) {
      const fields: Resource = {
        credentialType: { id: credentialType.id },
        data: credentialData(credentialType, user, {}, now.toISOString()),
      };
      const expiresAt = hardExpiry(credentialType, now);
      if (expiresAt !== undefined) fields.expiresAt = expiresAt;
      credentialId = String(storeIssuedCredential(store, apiUrl, environment, userId, fields).id);
      state.holders[userId] = credentialId;
    } else {
      const collection = `${environment}/users/${userId}/credentials`;
      const credential = store.getItem(collection, credentialId);
      if (credential && action === 'UPDATE' && user) {
        const data = credentialData(credentialType, user, {}, now.toISOString());
        store.putItem(collection, credentialId, { ...credential, data, updatedAt: now.toISOString() });
      }
      if (credential && action === 'REVOKE')
        store.putItem(collection, credentialId, {
          ...credential,
          status: 'REVOKED',
          updatedAt: now.toISOString(),
        });
      if (action === 'REVOKE') delete state.holders[userId];
      state.updates = state.updates.filter((id) => id !== userId);
    }
    staged.delete(String(change.id));
    applied[actionKeys[action]].push(userId);
    const record = { user: { id: userId }, credential: { id: credentialId }, createdAt: now.toISOString() };
    state.usage[action === 'ISSUE' ? 'issued' : action === 'UPDATE' ? 'updated' : 'revoked'].push(record);
  }
  return { status: 200, body: applied };
}
