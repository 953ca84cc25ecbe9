import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

/** One request the fake server received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: URLSearchParams;
}

/**
 * An in-process stand-in for the auth host, as a `fetch` implementation: it serves a JWKS (counting
 * fetches) and answers other endpoints from `routes`, recording every request. Unit tests use it;
 * integration tests use the emulator over real HTTP.
 */
export async function createFakeAuthServer(options: { authUrl?: string; environmentId?: string } = {}) {
  const authUrl = options.authUrl ?? 'https://auth.pingone.com';
  const environmentId = options.environmentId ?? '5caa81af-ec05-41ff-a709-c7378007a99c';
  const issuer = `${authUrl}/${environmentId}/as`;
  const signing = await generateKeyPair('RS256', { extractable: true });
  const kid = 'key-1';
  const publicJwk: JWK = { ...(await exportJWK(signing.publicKey)), kid, use: 'sig', alg: 'RS256' };
  const keySet: { keys: JWK[] } = { keys: [publicJwk] };
  const requests: RecordedRequest[] = [];
  const routes = new Map<string, (request: RecordedRequest) => Response | Promise<Response>>();
  let jwksFetches = 0;

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const text = request.method === 'GET' ? '' : await request.text();
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: new URLSearchParams(text),
    };
    requests.push(recorded);
    const path = new URL(request.url).pathname;
    if (path === `/${environmentId}/as/jwks`) {
      jwksFetches += 1;
      return Response.json(keySet);
    }
    const route = routes.get(`${request.method} ${path.slice(`/${environmentId}/as/`.length)}`);
    if (route) return route(recorded);
    return Response.json({ error: 'invalid_request', error_description: 'not found' }, { status: 404 });
  };

  /** Signs a token with the server's key (or another), with sensible defaults for every claim. */
  const sign = async (
    payload: JWTPayload,
    options: { key?: CryptoKey; kid?: string; algorithm?: string; expiresIn?: number } = {},
  ) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, iat: now, exp: now + (options.expiresIn ?? 300), ...payload })
      .setProtectedHeader({ alg: options.algorithm ?? 'RS256', kid: options.kid ?? kid, typ: 'JWT' })
      .sign(options.key ?? signing.privateKey);
  };

  return {
    authUrl,
    environmentId,
    issuer,
    fetch,
    requests,
    routes,
    keySet,
    sign,
    get jwksFetches() {
      return jwksFetches;
    },
  };
}

/** A JSON answer in the OAuth error shape. */
export function oauthError(status: number, error: string, description = error): Response {
  return Response.json({ error, error_description: description }, { status });
}
