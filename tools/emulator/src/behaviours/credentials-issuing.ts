import { isObject } from '@pingone-sdk/openapi';
import { type ErrorDetail, invalidData } from '../http/api-error.js';
import type { Resource } from '../state/store.js';
import { readPath } from './generic.js';

/**
 * The values of an issued credential:
 * 1. `data` is keyed by field title. Fields the type fixes (`Alphanumeric Text` with a `value`,
 *    `Issued Timestamp`) and `Directory Attribute` fields the user's entry fills need no value; every
 *    other required field does (REQUIRED_VALUE), and a key naming no field is refused (INVALID_VALUE).
 * 2. A `HARD` expiration of the type sets `expiresAt`, counted from issuance or at a fixed time.
 * The issuer profile must exist first (credentials-context.ts); credentials-provisioning.ts stores
 * the credential and delivers it to the user's wallets.
 */

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

/** Policy 1: the credential's complete data, or 400 INVALID_DATA with one detail per offending field. */
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

/** Policy 2: the expiry a `HARD` expiration of the type gives a credential issued now. */
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
