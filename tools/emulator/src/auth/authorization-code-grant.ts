import { createHash } from 'node:crypto';
import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import type { AuthenticatedClient } from './client-authentication.js';
import { flowStateOf } from './flow-state.js';
import { oauthError } from './oauth-error.js';
import { issueUserTokens } from './user-tokens.js';

const invalidGrant = (description: string) => oauthError(400, 'invalid_grant', description);

/**
 * `grant_type=authorization_code`: the code must exist, be unused and unexpired, belong to this client
 * and come with the same `redirect_uri`; with a PKCE challenge, `code_verifier` must match it (S256 or
 * plain, RFC 7636 §4.6). Codes work once.
 */
export async function authorizationCodeGrant(
  context: AuthContext,
  { client, settings }: AuthenticatedClient,
): Promise<Reply> {
  const codes = flowStateOf(context.services.store).codes;
  const code = context.parameters.get('code') ?? '';
  const record = codes.get(code);
  codes.delete(code);
  if (!record || record.environmentId !== context.environmentId)
    return invalidGrant('The authorization code is unknown or was already used.');
  if (record.expiresAt < Date.now()) return invalidGrant('The authorization code has expired.');
  if (record.clientId !== client.clientId)
    return invalidGrant('The authorization code was issued to another client.');
  if (context.parameters.get('redirect_uri') !== record.redirectUri)
    return invalidGrant('The redirect_uri differs from the authorize request.');
  if (record.codeChallenge !== undefined) {
    const verifier = context.parameters.get('code_verifier');
    if (!verifier)
      return invalidGrant('code_verifier is required: the authorize request carried a code_challenge.');
    const derived =
      record.codeChallengeMethod === 'S256'
        ? createHash('sha256').update(verifier).digest('base64url')
        : verifier;
    if (derived !== record.codeChallenge)
      return invalidGrant('The code_verifier does not match the code_challenge.');
  }
  return issueUserTokens(context, settings, record);
}
