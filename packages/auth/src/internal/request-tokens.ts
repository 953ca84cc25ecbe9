import type { AuthClient } from '../auth-client.js';
import type { TokenRequest, TokenResponse } from '../generated/types.gen.js';
import { type TokenSet, toTokenSet } from '../token-set.js';
import { internalsOf } from './auth-client-internals.js';
import { sendAuthenticatedForm } from './send-authenticated-form.js';

type GrantFields = {
  [Grant in TokenRequest as Grant['grant_type']]: Omit<
    Grant,
    'client_id' | 'client_secret' | 'client_assertion' | 'client_assertion_type'
  >;
}[TokenRequest['grant_type']];

/** Sends one token request of any grant to `{issuer}/token`, authenticated as the client, and returns its tokens. */
export async function requestTokens(
  client: AuthClient,
  grant: GrantFields,
  signal: AbortSignal | undefined,
): Promise<TokenSet> {
  // Only the client credentials grant puts nothing but the client at stake (see core's token endpoint policy).
  const { data } = await sendAuthenticatedForm(
    client,
    client.endpoints.token,
    grant as Record<string, string | undefined>,
    signal,
    grant.grant_type === 'client_credentials',
  );
  return toTokenSet(data as TokenResponse, internalsOf(client).now());
}
