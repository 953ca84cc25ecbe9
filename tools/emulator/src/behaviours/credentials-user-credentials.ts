import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { assertIssuerProfile, environmentKey, requireUser } from './credentials-context.js';
import { credentialData, hardExpiry } from './credentials-issuing.js';
import { storeIssuedCredential } from './credentials-provisioning.js';
import { generic, requireItem } from './generic.js';

/**
 * Credentials an administrator issues to one user (see credentials-issuing.ts and
 * credentials-provisioning.ts). Only a credential type of the environment that is not `AUTOMATED` can be issued this way;
 * a replacement keeps the credential type and checks the new `data` against it again.
 */
export const userCredentialBehaviours: BehaviourFamily = {
  createUserCredential: (context) => {
    const user = requireUser(context);
    const body = context.body as Resource;
    const credentialType = requireManagedType(context, body);
    const environment = environmentKey(context);
    assertIssuerProfile(context.store, environment);
    const issuedAt = new Date();
    const fields: Resource = {
      ...body,
      data: credentialData(credentialType, user, body.data, issuedAt.toISOString()),
    };
    const expiresAt = hardExpiry(credentialType, issuedAt);
    if (expiresAt !== undefined) fields.expiresAt = expiresAt;
    const credential = storeIssuedCredential(
      context.store,
      context.services.apiUrl,
      environment,
      String(user.id),
      fields,
    );
    return { status: 201, body: credential };
  },
  replaceUserCredential: (context) => {
    const user = requireUser(context);
    const existing = requireItem(context);
    const body = context.body as Resource;
    if (typeIdOf(body) !== typeIdOf(existing)) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'credentialType.id',
          message: 'A credential keeps the credential type it was issued with.',
        },
      ]);
    }
    const credentialType = requireManagedType(context, body);
    const data = credentialData(credentialType, user, body.data, new Date().toISOString());
    const replaced = generic.replace(context, {
      ...body,
      data,
      user: existing.user,
      status: existing.status,
    });
    return replaced;
  },
};

function typeIdOf(resource: Resource): unknown {
  return isObject(resource.credentialType) ? resource.credentialType.id : undefined;
}

/** The body's credential type: one of this environment, and not reserved to issuance rules. */
function requireManagedType(context: BehaviourContext, body: Resource): Resource {
  const id = typeIdOf(body);
  const credentialType =
    typeof id === 'string'
      ? context.store.getItem(`${environmentKey(context)}/credentialTypes`, id)
      : undefined;
  if (!credentialType) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'credentialType.id',
        message: `No credential type with ID ${String(id)} exists.`,
      },
    ]);
  }
  const management = credentialType.management;
  if (isObject(management) && management.mode === 'AUTOMATED') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'credentialType.id',
        message: 'Credentials of an AUTOMATED credential type are issued by its issuance rules only.',
      },
    ]);
  }
  return credentialType;
}
