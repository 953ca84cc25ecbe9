import { isObject } from '@pingone-sdk/openapi';
import { notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { assertIssuerProfile, environmentKey } from './credentials-context.js';
import { credentialData, hardExpiry } from './credentials-issuing.js';
import { storeIssuedCredential } from './credentials-provisioning.js';
import { type Action, actionKeys, coverage, ruleKey, ruleState, stageFor } from './credentials-staging.js';
import { generic, readPath } from './generic.js';

/**
 * Issuance rules never touch credentials directly; they stage changes (credentials-staging.ts):
 * 1. Only applying carries staged changes out, whatever their automation (the emulator has no
 *    periods): those of the users named per action, or all of them without a body.
 * 2. Issuing follows credentials-issuing.ts with values the type and the directory give; an update
 *    recomputes them; a revocation marks the credential REVOKED.
 * 3. Usage counts and details record each change carried out.
 */

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

/** Policies 1 to 3. */
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
