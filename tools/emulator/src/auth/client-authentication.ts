import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import type { Reply } from '../http/reply.js';
import { type ApplicationSettings, applicationSettings } from './application-settings.js';
import { type AuthContext, authenticateClient } from './auth-host.js';
import { flowStateOf } from './flow-state.js';
import { findClient, type OAuthClient } from './oauth-clients.js';
import { oauthError } from './oauth-error.js';

const jwtBearer = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Assertions valid longer than this are refused: they are meant to be used once, right away. */
const maximumAssertionLifetimeSeconds = 300;

/** An authenticated client and its settings. */
export interface AuthenticatedClient {
  client: OAuthClient;
  settings: ApplicationSettings;
}

const invalidClient = (description: string): Reply => oauthError(401, 'invalid_client', description);

/**
 * Client authentication with every method PingOne offers: `client_secret_basic` and `client_secret_post`
 * (through the auth host's own check), `client_secret_jwt` (HS256 with the secret), `private_key_jwt`
 * (RS256 with a key of the application's registered `jwks`) and `none` for public clients. The JWT
 * methods and `none` must be the application's configured method; an assertion must name the client
 * as `iss` and `sub`, the token endpoint, the issuer or the endpoint called as `aud`, expire within
 * 5 minutes, and carry a `jti` never seen before.
 */
export async function authenticateAnyClient(context: AuthContext): Promise<AuthenticatedClient | Reply> {
  const assertion = context.parameters.get('client_assertion');
  const authorization = context.headers.authorization;
  const hasBasic = typeof authorization === 'string' && /^basic /i.test(authorization);
  if (assertion !== null) return authenticateAssertion(context, assertion);
  if (!hasBasic && context.parameters.get('client_secret') === null) {
    const clientId = context.parameters.get('client_id');
    if (!clientId) return invalidClient('Client authentication is required.');
    const settings = applicationSettings(context.services.store, context.environmentId, clientId);
    const client = findClient(context.services.store, context.environmentId, clientId);
    if (!settings || !client) return invalidClient('Client authentication failed.');
    if (settings.tokenEndpointAuthMethod !== 'NONE')
      return invalidClient('The application requires client authentication.');
    return { client, settings };
  }
  const client = authenticateClient(context);
  if ('status' in client) return client;
  const settings = applicationSettings(context.services.store, context.environmentId, client.clientId);
  if (!settings) return invalidClient('Client authentication failed.');
  if (!['CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST'].includes(settings.tokenEndpointAuthMethod)) {
    return invalidClient(`The application authenticates with ${settings.tokenEndpointAuthMethod}.`);
  }
  return { client, settings };
}

async function authenticateAssertion(
  context: AuthContext,
  assertion: string,
): Promise<AuthenticatedClient | Reply> {
  if (context.parameters.get('client_assertion_type') !== jwtBearer) {
    return invalidClient(`client_assertion_type must be ${jwtBearer}.`);
  }
  let clientId: string | undefined;
  let algorithm: string | undefined;
  try {
    algorithm = decodeProtectedHeader(assertion).alg;
    const payload = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub?: unknown;
    };
    clientId = typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return invalidClient('The client assertion is not a JWT.');
  }
  const named = context.parameters.get('client_id');
  if (!clientId || (named !== null && named !== clientId))
    return invalidClient('The client assertion names no or another client.');
  const store = context.services.store;
  const client = findClient(store, context.environmentId, clientId);
  const settings = applicationSettings(store, context.environmentId, clientId);
  if (!client || !settings) return invalidClient('Client authentication failed.');

  let key: CryptoKey | Uint8Array;
  if (
    settings.tokenEndpointAuthMethod === 'CLIENT_SECRET_JWT' &&
    algorithm === 'HS256' &&
    client.secret !== undefined
  ) {
    key = new TextEncoder().encode(client.secret);
  } else if (
    settings.tokenEndpointAuthMethod === 'PRIVATE_KEY_JWT' &&
    algorithm === 'RS256' &&
    settings.jwks
  ) {
    const header = decodeProtectedHeader(assertion);
    const candidates = settings.jwks.keys.filter(
      (jwk) => jwk.kty === 'RSA' && (header.kid === undefined || jwk.kid === header.kid),
    );
    const jwk = candidates[0];
    if (!jwk) return invalidClient('No registered key matches the client assertion.');
    key = (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  } else {
    return invalidClient(
      `The application authenticates with ${settings.tokenEndpointAuthMethod}, not an ${algorithm} assertion.`,
    );
  }

  // PingOne documents three audiences: the token endpoint, the issuer, and the endpoint being called.
  const issuer = context.issuer;
  const audience = [...new Set([`${issuer}/token`, issuer, `${issuer}/${context.endpoint}`])];
  try {
    const { payload } = await jwtVerify(assertion, key, {
      algorithms: [algorithm],
      issuer: clientId,
      subject: clientId,
      audience,
      requiredClaims: ['exp', 'jti'],
    });
    const now = Math.floor(Date.now() / 1000);
    const exp = payload.exp as number;
    if (exp - (payload.iat ?? now) > maximumAssertionLifetimeSeconds)
      return invalidClient('The client assertion lives too long.');
    const used = flowStateOf(store).usedAssertions;
    for (const [jti, expiresAt] of used) if (expiresAt < now) used.delete(jti);
    const jti = `${clientId}:${payload.jti}`;
    if (used.has(jti)) return invalidClient('The client assertion was already used.');
    used.set(jti, exp);
  } catch (error) {
    return invalidClient(`The client assertion was refused: ${(error as Error).message}`);
  }
  return { client, settings };
}
