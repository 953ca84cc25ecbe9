import { randomBytes } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { clientSecretKey, previousClientSecretKey } from '../auth/oauth-clients.js';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext } from './behaviour.js';

/** A rotated-out secret and when it stops working. */
interface PreviousSecret {
  secret: string;
  expiresAt: string;
}

/** Grace period bounds PingOne documents for a previous secret: 1 minute to 30 days. */
const minimumGraceMs = 60_000;
const maximumGraceMs = 30 * 24 * 60 * 60_000;
/** Clock slack between client and emulator when checking those bounds. */
const slackMs = 5_000;

/** A new secret: 64 URL-safe characters (resource secrets must have at least 64). */
export function generateSecret(): string {
  return randomBytes(48).toString('base64url');
}

/** Sets an owner's (application's or resource's) current secret, kept where the auth host reads it. */
export function setSecret(store: Store, ownerKey: string, secret: string): void {
  store.privateData(ownerKey)[clientSecretKey] = secret;
}

export function hasSecret(store: Store, ownerKey: string): boolean {
  return typeof store.privateData(ownerKey)[clientSecretKey] === 'string';
}

/**
 * The secret sub-resource (`…/{ownerId}/secret`) of the URL's owner: `secret`, and `previous` while it
 * still works. `ownerKey` is the owner's path; `ownerRelation` names its link (`application`, `resource`).
 */
export function secretReply(
  context: BehaviourContext,
  ownerKey: string,
  ownerRelation: string,
  status = 200,
): Reply {
  const data = context.store.privateData(ownerKey);
  const current = data[clientSecretKey];
  if (typeof current !== 'string') throw notFound(`The ${ownerRelation} has no client secret.`);
  const { apiUrl } = context.services;
  const body: Resource = {
    _links: {
      self: { href: context.location.href },
      environment: { href: `${apiUrl}/environments/${context.environmentId ?? ''}` },
      [ownerRelation]: { href: `${apiUrl}${ownerKey}` },
    },
    environment: { id: context.environmentId },
    secret: current,
  };
  const previous = livePrevious(data);
  if (previous) body.previous = { secret: previous.secret, expiresAt: previous.expiresAt };
  return { status, body };
}

/**
 * Replaces the secret. With `previous.expiresAt` (1 minute to 30 days ahead) the old secret keeps
 * working until then; without it the old secret stops working at once.
 */
export function rotateSecret(context: BehaviourContext, ownerKey: string, ownerRelation: string): Reply {
  const data = context.store.privateData(ownerKey);
  const current = data[clientSecretKey];
  if (typeof current !== 'string') throw notFound(`The ${ownerRelation} has no client secret.`);
  const body = isObject(context.body) ? context.body : {};
  const requested = isObject(body.previous) ? body.previous.expiresAt : undefined;
  if (typeof requested === 'string') {
    const expiresAt = Date.parse(requested);
    const ahead = expiresAt - Date.now();
    if (Number.isNaN(expiresAt) || ahead < minimumGraceMs - slackMs || ahead > maximumGraceMs + slackMs) {
      throw invalidData([
        {
          code: 'OUT_OF_RANGE',
          target: 'previous.expiresAt',
          message: 'previous.expiresAt must be between 1 minute and 30 days from now.',
        },
      ]);
    }
    data[previousClientSecretKey] = {
      secret: current,
      expiresAt: new Date(expiresAt).toISOString(),
    } satisfies PreviousSecret;
  } else {
    delete data[previousClientSecretKey];
  }
  data[clientSecretKey] = generateSecret();
  return secretReply(context, ownerKey, ownerRelation);
}

/** Ends the previous secret's grace period; the current secret is untouched. */
export function deletePreviousSecret(
  context: BehaviourContext,
  ownerKey: string,
  ownerRelation: string,
): Reply {
  const data = context.store.privateData(ownerKey);
  if (typeof data[clientSecretKey] !== 'string') throw notFound(`The ${ownerRelation} has no client secret.`);
  delete data[previousClientSecretKey];
  return { status: 204 };
}

function livePrevious(data: Record<string, unknown>): PreviousSecret | undefined {
  const previous = data[previousClientSecretKey] as PreviousSecret | undefined;
  return previous && Date.parse(previous.expiresAt) > Date.now() ? previous : undefined;
}
