import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorServices } from '../behaviours/behaviour.js';
import { notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import { findClient, type OAuthClient, secretMatches } from './oauth-clients.js';
import { oauthError } from './oauth-error.js';
import type { SigningKeys } from './signing-keys.js';
import type { TokenService } from './token-service.js';

/** One request to the auth host: `/{environmentId}/as/<endpoint>`, or the flows API (endpoint `flows/{flowId}`). */
export interface AuthContext {
  services: EmulatorServices;
  tokens: TokenService;
  keys: SigningKeys;
  environmentId: string;
  /** The issuer of the host the request came through: `{authUrl}/{environmentId}/as`, or a custom domain's. */
  issuer: string;
  method: string;
  /** The part after `/as/`, e.g. `token`, `.well-known/openid-configuration`; `flows/{flowId}` for the flows API. */
  endpoint: string;
  headers: IncomingHttpHeaders;
  /** Form fields of an `application/x-www-form-urlencoded` body, else the query. */
  parameters: URLSearchParams;
  search: URLSearchParams;
  /** The media type of the body, without parameters (`''` when there is none). */
  contentType: string;
  /** A JSON body (any `…json` media type), parsed; undefined otherwise. */
  body: unknown;
  /** The flow of a flows API request. */
  flowId?: string;
  /** The auth endpoints, for grants that need more of them. */
  host: AuthHost;
}

/** Answers one auth endpoint. */
export type AuthEndpoint = (context: AuthContext) => Reply | Promise<Reply>;

/** Answers one `grant_type` at the token endpoint, for an already authenticated client. */
export type GrantHandler = (context: AuthContext, client: OAuthClient) => Reply | Promise<Reply>;

/**
 * The auth host. Endpoints are keyed `METHOD endpoint` (`POST token`) and grants by `grant_type`, so
 * authorization_code + PKCE, refresh_token, device_code, introspect, revoke and userinfo (issue 6)
 * each add one entry with {@link AuthHost.addEndpoint} / {@link AuthHost.addGrant}.
 */
export class AuthHost {
  readonly endpoints = new Map<string, AuthEndpoint>();
  readonly grants = new Map<string, GrantHandler>();

  constructor() {
    this.addEndpoint('POST', 'token', tokenEndpoint);
    this.addEndpoint('GET', 'jwks', (context) => ({ status: 200, body: context.keys.jwks }));
    this.addEndpoint('GET', '.well-known/openid-configuration', discovery);
    this.addGrant('client_credentials', clientCredentialsGrant);
  }

  addEndpoint(method: string, endpoint: string, handler: AuthEndpoint): void {
    this.endpoints.set(`${method.toUpperCase()} ${endpoint}`, handler);
  }

  addGrant(grantType: string, handler: GrantHandler): void {
    this.grants.set(grantType, handler);
  }

  async handle(context: Omit<AuthContext, 'host'>): Promise<Reply> {
    if (!context.services.store.getItem('/environments', context.environmentId)) {
      throw notFound(`Unable to find environment with ID ${context.environmentId}.`);
    }
    const handler = this.endpoints.get(`${context.method} ${context.endpoint}`);
    if (!handler) {
      const known = [...this.endpoints.keys()].some((key) => key.endsWith(` ${context.endpoint}`));
      if (known) return oauthError(405, 'invalid_request', `${context.method} is not supported here.`);
      throw notFound();
    }
    return handler({ ...context, host: this });
  }
}

/** Client authentication by client_secret_basic or client_secret_post (RFC 6749 §2.3.1). */
export function authenticateClient(context: AuthContext): OAuthClient | Reply {
  const authorization = context.headers.authorization;
  let clientId: string | undefined;
  let secret: string | undefined;
  const basic = typeof authorization === 'string' && /^basic /i.test(authorization);
  if (basic) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      clientId = safeDecode(decoded.slice(0, colon));
      secret = safeDecode(decoded.slice(colon + 1));
    }
  } else {
    clientId = context.parameters.get('client_id') ?? undefined;
    secret = context.parameters.get('client_secret') ?? undefined;
  }
  const challenge = basic ? { 'WWW-Authenticate': 'Basic realm="PingOne"' } : undefined;
  if (!clientId || secret === undefined) {
    return oauthError(401, 'invalid_client', 'Client authentication is required.', challenge);
  }
  const client = findClient(context.services.store, context.environmentId, clientId);
  if (!client || !(secretMatches(client.secret, secret) || secretMatches(client.previousSecret, secret))) {
    return oauthError(401, 'invalid_client', 'Client authentication failed.', challenge);
  }
  return client;
}

async function tokenEndpoint(context: AuthContext): Promise<Reply> {
  const contentType = String(context.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
  }
  const grantType = context.parameters.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'grant_type is required.');
  const grant = context.host.grants.get(grantType);
  if (!grant)
    return oauthError(400, 'unsupported_grant_type', `The grant type ${grantType} is not supported.`);
  const client = authenticateClient(context);
  if ('status' in client) return client;
  const wanted = grantType.toUpperCase();
  if (client.grantTypes.length > 0 && !client.grantTypes.includes(wanted)) {
    return oauthError(400, 'unauthorized_client', `The application is not allowed the ${grantType} grant.`);
  }
  return grant(context, client);
}

async function clientCredentialsGrant(context: AuthContext, client: OAuthClient): Promise<Reply> {
  const scope = context.parameters.get('scope') ?? '';
  const { token, expiresIn } = await context.tokens.issueAccessToken({
    environmentId: context.environmentId,
    clientId: client.clientId,
    scope,
    issuer: context.issuer,
  });
  return {
    status: 200,
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope },
  };
}

function discovery(context: AuthContext): Reply {
  const issuer = context.issuer;
  return {
    status: 200,
    body: {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      pushed_authorization_request_endpoint: `${issuer}/par`,
      device_authorization_endpoint: `${issuer}/device_authorization`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/signoff`,
      introspection_endpoint: `${issuer}/introspect`,
      revocation_endpoint: `${issuer}/revoke`,
      grant_types_supported: [...context.host.grants.keys()],
      response_types_supported: [
        'code',
        'id_token',
        'token id_token',
        'code id_token',
        'code token',
        'code token id_token',
      ],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: ['plain', 'S256'],
      scopes_supported: ['openid', 'profile', 'email', 'address', 'phone'],
      claims_parameter_supported: false,
      request_parameter_supported: false,
      request_uri_parameter_supported: false,
    },
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}
