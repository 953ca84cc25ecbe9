import type { AuthClient } from '../auth-client.js';
import { requestToken } from '../generated/sdk.gen.js';
import type { TokenRequest, TokenResponse } from '../generated/types.gen.js';
import { type TokenSet, toTokenSet } from '../token-set.js';
import { internalsOf } from './auth-client-internals.js';

type GrantFields = {
  [Grant in TokenRequest as Grant['grant_type']]: Omit<
    Grant,
    'client_id' | 'client_secret' | 'client_assertion' | 'client_assertion_type'
  >;
}[TokenRequest['grant_type']];

/** Sends one token request of any grant, authenticated as the client, and returns its tokens. */
export async function requestTokens(
  client: AuthClient,
  grant: GrantFields,
  signal: AbortSignal | undefined,
): Promise<TokenSet> {
  const internals = internalsOf(client);
  const authentication = await internals.authenticate();
  const { data } = await requestToken({
    client: client.http,
    body: { ...grant, ...authentication.fields } as TokenRequest,
    headers: authentication.headers,
    ...(signal ? { signal } : {}),
  });
  return toTokenSet(data as TokenResponse, internals.now());
}
