import { InvalidArgumentError } from '@pingone-sdk/core';
import type { ClientAuthenticator } from '@pingone-sdk/core/internal';
import type { AuthClient } from '../auth-client.js';

/** What an {@link AuthClient} keeps out of sight: its credentials and its settings. */
export interface AuthClientInternals {
  /** Builds the client authentication of one request (core's, shared with `clientCredentials`). */
  authenticator: ClientAuthenticator;
  /** The caller's fetch, for requests made outside the HTTP client (the signing keys). */
  fetch: typeof globalThis.fetch | undefined;
  /** The caller's headers for the auth host, sent with the signing key requests too. */
  headers: Record<string, string> | undefined;
  /** Limit for one request, in milliseconds. */
  timeoutMilliseconds: number;
  /** Least time between two key set fetches caused by unknown key ids. */
  jwksCooldownMilliseconds: number;
  /** Age after which the key set is fetched again before use. */
  jwksMaxAgeMilliseconds: number;
  clockToleranceSeconds: number;
  now: () => number;
}

// A WeakMap rather than properties: nothing secret can leak through the client object itself.
const registry = new WeakMap<AuthClient, AuthClientInternals>();

export function registerInternals(client: AuthClient, internals: AuthClientInternals): void {
  registry.set(client, internals);
}

/** The hidden half of a client; refuses anything that did not come from `createAuthClient`. */
export function internalsOf(client: AuthClient): AuthClientInternals {
  const internals = client && typeof client === 'object' ? registry.get(client) : undefined;
  if (!internals) throw new InvalidArgumentError('client', 'an AuthClient made by createAuthClient()');
  return internals;
}
