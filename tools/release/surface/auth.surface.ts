/**
 * The public surface of @pingone-sdk/auth, written the way users write it (a sign-in with PKCE and
 * an API that verifies access tokens). Never run: tools/release type-checks it against the build, and
 * the copy from the last release tag must still compile against the next build, or the release is major.
 */
import {
  type AccessTokenClaims,
  type AuthClient,
  buildAuthorizeUrl,
  createAuthClient,
  createPkce,
  exchangeAuthorizationCode,
  type Pkce,
  type TokenSet,
  TokenVerificationError,
  verifyAccessToken,
} from '@pingone-sdk/auth';

export const client: AuthClient = createAuthClient({
  region: 'EU',
  environmentId: 'environment',
  clientId: 'client',
  clientSecret: 'secret',
});

export async function signIn(code: string): Promise<TokenSet> {
  const pkce: Pkce = await createPkce();
  const url: string = buildAuthorizeUrl({
    client,
    redirectUri: 'https://app.example.com/callback',
    scope: ['openid', 'profile'],
    state: 'state',
    codeChallenge: pkce.challenge,
    codeChallengeMethod: pkce.method,
  });
  const tokens = await exchangeAuthorizationCode({
    client,
    code: `${code}${url.length}`,
    redirectUri: 'https://app.example.com/callback',
    codeVerifier: pkce.verifier,
  });
  const accessToken: string = tokens.accessToken;
  const refreshToken: string | undefined = tokens.refreshToken;
  return { ...tokens, accessToken, refreshToken };
}

export async function authorize(token: string): Promise<string | undefined> {
  try {
    const claims: AccessTokenClaims = await verifyAccessToken({ client, token, requiredScopes: ['read'] });
    return claims.sub;
  } catch (error) {
    if (error instanceof TokenVerificationError) return undefined;
    throw error;
  }
}
