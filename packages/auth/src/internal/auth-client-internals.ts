import { InvalidArgumentError } from '@pingone-sdk/core';
import type { AuthClient } from '../auth-client.js';

/** Client authentication for one request: headers to add and form fields to merge into the body. */
export interface ClientAuthentication {
  headers: Record<string, string>;
  fields: Record<string, string>;
}

/** What an {@link AuthClient} keeps out of sight: its credentials and its settings. */
export interface AuthClientInternals {
  /** Builds the client authentication of one request (a fresh assertion each time for the JWT methods). */
  authenticate(): Promise<ClientAuthentication>;
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
