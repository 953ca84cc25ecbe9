import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { compileFilter, type Predicate } from '../filter/compile-filter.js';
import { FilterError } from '../filter/filter-expression.js';
import { parseFilter } from '../filter/parse-filter.js';
import { invalidData } from '../http/api-error.js';
import type { Resource, Store } from '../state/store.js';
import { readPath } from './generic.js';
import { userGroups } from './user-group-memberships.js';

/**
 * What an issuance rule stages (carrying changes out is credentials-issuance-rules.ts):
 * 1. An ACTIVE rule stages ISSUE for each user its filter covers who holds none of its credentials,
 *    and REVOKE for each holder it no longer covers; a DISABLED rule stages nothing. Staged changes
 *    follow the directory: they are brought up to date whenever the rule, its credential type or the
 *    staged changes are read or written.
 * 2. Replacing the credential type stages UPDATE for every holder of its rules' credentials.
 * 3. A staged change is `scheduled` when its action's automation is PERIODIC.
 */

export type Action = 'ISSUE' | 'UPDATE' | 'REVOKE';
export const actionKeys = { ISSUE: 'issue', UPDATE: 'update', REVOKE: 'revoke' } as const;

export interface RuleState {
  /** Holder user id → the credential the rule issued them. */
  holders: Record<string, string>;
  /** Holders whose credential waits for an update after the type changed. */
  updates: string[];
  usage: Record<
    'issued' | 'updated' | 'revoked',
    Array<{ user: { id: string }; credential: { id: string }; createdAt: string }>
  >;
}

/** Policy 2, called by the credential type's replacement. */
export function stageTypeUpdates(store: Store, apiUrl: string, typeKey: string): void {
  for (const rule of store.items(`${typeKey}/issuanceRules`).values()) {
    const state = ruleState(store, rule);
    for (const userId of Object.keys(state.holders))
      if (!state.updates.includes(userId)) state.updates.push(userId);
    stageFor(store, apiUrl, rule);
  }
}

/** The predicate of the users a rule covers; 400 INVALID_DATA for a SCIM filter that does not parse. */
export function coverage(rule: Resource): (store: Store, environment: string, user: Resource) => boolean {
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

export function ruleKey(rule: Resource): string {
  return new URL(String(readPath(rule, '_links.self.href'))).pathname.replace(/^\/v1/, '');
}

export function ruleState(store: Store, rule: Resource): RuleState {
  const data = store.privateData(ruleKey(rule)) as Partial<RuleState>;
  data.holders ??= {};
  data.updates ??= [];
  data.usage ??= { issued: [], updated: [], revoked: [] };
  return data as RuleState;
}

/** Policies 1 and 3: the rule's staged changes brought up to date with the directory and its holders. */
export function stageFor(store: Store, apiUrl: string, rule: Resource): void {
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
