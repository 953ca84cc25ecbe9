import { requireText } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';
import type { UserInfo } from './generated/types.gen.js';

/** Options of {@link getUserInfo}. */
export interface GetUserInfoOptions {
  /** The auth client of the application. */
  client: AuthClient;
  /** An access token issued to the signed-in user. */
  accessToken: string;
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * Reads claims about the signed-in user from the userinfo endpoint, as far as the access token's scopes
 * allow. A missing, expired or revoked token throws `AuthenticationError` (401, `invalid_token`).
 *
 * @example
 * const { sub, email } = await getUserInfo({ client, accessToken: tokens.accessToken });
 */
export async function getUserInfo(options: GetUserInfoOptions): Promise<UserInfo> {
  const accessToken = requireText(options.accessToken, 'accessToken');
  const { client } = options;
  const { data } = await client.http.get({
    url: client.endpoints.userInfo,
    headers: { authorization: `Bearer ${accessToken}` },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return data as UserInfo;
}
