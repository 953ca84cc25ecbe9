import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { environmentKey, issuerProfileKey } from './credentials-context.js';
import { stageTypeUpdates } from './credentials-staging.js';
import { generic, requireItem } from './generic.js';

/**
 * Credential types keep their history: creating one makes version 1 and each replacement the next
 * version, every one readable with the whole type as it then was. A replacement also stages updates
 * of the credentials its issuance rules issued. A type points at the environment's issuer profile.
 * Deleting a type with `onDelete.revokeIssuedCredentials` revokes the credentials of that type.
 */
export const credentialTypeBehaviours: BehaviourFamily = {
  createCredentialType: (context) => {
    const versionId = randomUUID();
    const reply = generic.create(context, serverFields(context, context.body as Resource, versionId, 1));
    return recordVersion(context, reply, versionId);
  },
  replaceCredentialType: (context) => {
    const existing = requireItem(context);
    const previous =
      isObject(existing.version) && typeof existing.version.number === 'number' ? existing.version.number : 0;
    const versionId = randomUUID();
    const body = serverFields(context, context.body as Resource, versionId, previous + 1);
    const reply = recordVersion(context, generic.replace(context, body), versionId);
    stageTypeUpdates(context.store, context.services.apiUrl, context.location.key);
    return reply;
  },
  deleteCredentialType: (context) => {
    const existing = requireItem(context);
    const onDelete = existing.onDelete;
    if (isObject(onDelete) && onDelete.revokeIssuedCredentials === true)
      revokeAll(context.store, environmentKey(context), String(existing.id));
    return generic.delete(context);
  },
};

/** The body with the fields PingOne sets: the version (its URI follows in recordVersion) and the issuer. */
function serverFields(
  context: BehaviourContext,
  body: Resource,
  versionId: string,
  number: number,
): Resource {
  const environment = environmentKey(context);
  const fields: Resource = { ...body, version: { id: versionId, number } };
  const profile = context.store.getSingleton(issuerProfileKey(environment));
  if (profile) fields.issuer = { id: profile.id };
  return fields;
}

/** Gives the answered type its version URI and stores that version with the whole type as it now is. */
function recordVersion(context: BehaviourContext, reply: Reply, versionId: string): Reply {
  const type = reply.body as Resource;
  const typeKey = `${environmentKey(context)}/credentialTypes/${type.id}`;
  const uri = `${context.services.apiUrl}${typeKey}/versions/${versionId}`;
  const version: Resource = { ...(type.version as Resource), uri };
  const current: Resource = { ...type, version };
  context.store.putItem(`${environmentKey(context)}/credentialTypes`, String(type.id), current);
  const { _links, ...snapshot } = current;
  context.store.putItem(`${typeKey}/versions`, versionId, {
    _links: { self: { href: uri } },
    id: versionId,
    environment: type.environment,
    credentialType: { id: type.id },
    version: version.number,
    snapshot,
    createdAt: type.updatedAt,
  });
  return { ...reply, body: current };
}

function revokeAll(store: Store, environment: string, credentialTypeId: string): void {
  const now = new Date().toISOString();
  for (const userId of store.items(`${environment}/users`).keys()) {
    const collection = `${environment}/users/${userId}/credentials`;
    for (const [id, credential] of store.items(collection)) {
      const type = credential.credentialType;
      if (isObject(type) && type.id === credentialTypeId && credential.status !== 'REVOKED')
        store.putItem(collection, id, { ...credential, status: 'REVOKED', updatedAt: now });
    }
  }
}
