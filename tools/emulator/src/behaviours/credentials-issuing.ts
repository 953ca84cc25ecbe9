import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { ApiError, type ErrorDetail, invalidData, notFound } from '../http/api-error.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext } from './behaviour.js';
import { readPath } from './generic.js';

/**
 * Issuing a credential, shared by administrators' user credentials and by applied issuance rules:
 * 1. The environment's issuer profile must exist (400 INVALID_REQUEST otherwise).
 * 2. `data` is keyed by field title. Fields the type fixes (`Alphanumeric Text` with a `value`,
 *    `Issued Timestamp`) and `Directory Attribute` fields the user's entry fills need no value; every
 *    other required field does (REQUIRED_VALUE), and a key naming no field is refused (INVALID_VALUE).
 * 3. The credential is ACTIVE from issuance; a `HARD` expiration of the type sets `expiresAt`.
 * 4. A copy is provisioned to each of the user's digital wallets, readable from the credential and
 *    from the wallet (one record, stored under both).
 */

/** `/environments/<id>` of the request. */
export function environmentKey(context: BehaviourContext): string {
  return `/environments/${context.environmentId ?? ''}`;
}

/** The user named by the URL's `{userId}`; 404 like PingOne when the directory has none. */
export function requireUser(context: BehaviourContext): Resource {
  const userId = context.pathParameters.userId ?? '';
  const user = context.store.getItem(`${environmentKey(context)}/users`, userId);
  if (!user) throw notFound(`Unable to find user with ID ${userId}.`);
  return user;
}

export function issuerProfileKey(environment: string): string {
  return `${environment}/credentialIssuerProfile`;
}

/** Policy 1. */
export function assertIssuerProfile(store: Store, environment: string): void {
  if (store.getSingleton(issuerProfileKey(environment))) return;
  throw new ApiError(
    400,
    'INVALID_REQUEST',
    'The environment has no credential issuer profile; create one before issuing credentials.',
  );
}

interface Field {
  title: string;
  type: string;
  required: boolean;
  value: string | undefined;
  attribute: string | undefined;
  fallback: string | undefined;
}

function fieldsOf(credentialType: Resource): Field[] {
  const fields = readPath(credentialType, 'metadata.fields');
  if (!Array.isArray(fields)) return [];
  return fields.filter(isObject).map((field) => ({
    title: String(field.title),
    type: String(field.type),
    required: field.required === true,
    value: typeof field.value === 'string' ? field.value : undefined,
    attribute: typeof field.attribute === 'string' ? field.attribute : undefined,
    fallback: typeof field.default === 'string' ? field.default : undefined,
  }));
}

/** The value PingOne puts in a field without being given one, if any. */
function automaticValue(field: Field, user: Resource, issuedAt: string): string | undefined {
  if (field.type === 'Issued Timestamp') return issuedAt;
  if (field.type === 'Alphanumeric Text') return field.value;
  if (field.type === 'Directory Attribute' && field.attribute !== undefined) {
    const found = readPath(user, field.attribute.replace(/^\$\{user\.|^user\.|\}$/g, ''));
    if (typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean')
      return String(found);
    return field.fallback;
  }
  return undefined;
}

/** Policy 2: the credential's complete data, or 400 INVALID_DATA with one detail per offending field. */
export function credentialData(
  credentialType: Resource,
  user: Resource,
  given: unknown,
  issuedAt: string,
): Record<string, string> {
  const fields = fieldsOf(credentialType);
  const supplied = isObject(given) ? given : {};
  const details: ErrorDetail[] = [];
  const titles = new Set(fields.map((field) => field.title));
  for (const key of Object.keys(supplied)) {
    if (!titles.has(key))
      details.push({
        code: 'INVALID_VALUE',
        target: `data.${key}`,
        message: `The credential type has no field titled ${key}.`,
      });
  }
  const data: Record<string, string> = {};
  for (const field of fields) {
    const value = supplied[field.title];
    const resolved = typeof value === 'string' ? value : automaticValue(field, user, issuedAt);
    if (resolved !== undefined) data[field.title] = resolved;
    else if (field.required)
      details.push({
        code: 'REQUIRED_VALUE',
        target: `data.${field.title}`,
        message: `The field ${field.title} is required by the credential type.`,
      });
  }
  if (details.length > 0) throw invalidData(details);
  return data;
}

const unitMilliseconds: Record<string, number> = {
  SECONDS: 1_000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

/** Policy 3: the expiry a `HARD` expiration of the type gives a credential issued now. */
export function hardExpiry(credentialType: Resource, issuedAt: Date): string | undefined {
  const expiration = credentialType.expiration;
  if (!isObject(expiration) || expiration.type !== 'HARD') return undefined;
  if (typeof expiration.timestamp === 'string') return expiration.timestamp;
  const after = expiration.after;
  if (isObject(after) && typeof after.duration === 'number' && typeof after.timeUnit === 'string') {
    const step = unitMilliseconds[after.timeUnit] ?? 0;
    return new Date(issuedAt.getTime() + after.duration * step).toISOString();
  }
  return undefined;
}

/** Policy 4: delivers the credential to one wallet, under the credential and under the wallet. */
export function provision(
  store: Store,
  apiUrl: string,
  environment: string,
  credential: Resource,
  walletId: string,
): void {
  const userId = String(readPath(credential, 'user.id'));
  const credentialId = String(credential.id);
  const id = randomUUID();
  const underCredential = `${environment}/users/${userId}/credentials/${credentialId}/provisionedCredentials`;
  const underWallet = `${environment}/users/${userId}/digitalWallets/${walletId}/provisionedCredentials`;
  const record: Resource = {
    _links: { self: { href: `${apiUrl}${underCredential}/${id}` } },
    id,
    environment: { id: environment.split('/')[2] },
    user: { id: userId },
    credential: { id: credentialId },
    digitalWallet: { id: walletId },
    status: 'PENDING',
    walletActions: [],
    createdAt: new Date().toISOString(),
  };
  if (typeof credential.expiresAt === 'string') record.expiredAt = credential.expiresAt;
  store.putItem(underCredential, id, record);
  store.putItem(underWallet, id, record);
}

/** Policies 3 and 4 for a credential whose data is already checked; stores and returns it. */
export function storeIssuedCredential(
  store: Store,
  apiUrl: string,
  environment: string,
  userId: string,
  fields: Record<string, unknown>,
): Resource {
  const collection = `${environment}/users/${userId}/credentials`;
  const id = randomUUID();
  const now = new Date().toISOString();
  const credential: Resource = {
    _links: { self: { href: `${apiUrl}${collection}/${id}` } },
    id,
    environment: { id: environment.split('/')[2] },
    user: { id: userId },
    ...fields,
    status: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
  };
  store.putItem(collection, id, credential);
  for (const walletId of store.items(`${environment}/users/${userId}/digitalWallets`).keys())
    provision(store, apiUrl, environment, credential, walletId);
  return credential;
}
