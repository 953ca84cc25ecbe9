import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AuthClient,
  createAuthClient,
  TokenVerificationError,
  type TokenVerificationReason,
  verifyAccessToken,
  verifyIdToken,
} from '../src/index.js';

/**
 * Forged and abused tokens against both verifiers, over real loopback HTTP: a JWKS server that counts
 * its fetches, and a trap server that any header pointing elsewhere (`jku`, `x5u`, a URL in `kid`) names.
 * Every token must be refused with a typed reason, and nothing may be fetched but the configured JWKS.
 */

const environmentId = '0b7a2c1d-6f4e-4d3a-9c8b-7a6f5e4d3c2b';
const clientId = 'api-client';
const audience = 'https://api.example.com';

interface CountingServer {
  origin: string;
  hits: string[];
  close(): Promise<void>;
}

async function listen(answer: (path: string) => unknown): Promise<CountingServer> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const body = JSON.stringify(answer(request.url ?? ''));
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const base64Url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let jwks: CountingServer;
let trap: CountingServer;
let genuine: CryptoKeyPair;
let attacker: CryptoKeyPair;
let attackerJwk: JWK;
/** A second genuine key of the issuer, published under the same kid as the first. */
let rotatedJwk: JWK;
const keySet: { keys: JWK[] } = { keys: [] };
let issuer: string;

beforeAll(async () => {
  genuine = await generateKeyPair('RS256', { extractable: true });
  attacker = await generateKeyPair('RS256', { extractable: true });
  attackerJwk = { ...(await exportJWK(attacker.publicKey)), kid: 'attacker', use: 'sig', alg: 'RS256' };
  rotatedJwk = {
    ...(await exportJWK((await generateKeyPair('RS256', { extractable: true })).publicKey)),
    use: 'sig',
    alg: 'RS256',
  };
  jwks = await listen(() => keySet);
  trap = await listen(() => ({ keys: [attackerJwk] }));
  issuer = `${jwks.origin}/${environmentId}/as`;
});
afterAll(async () => {
  await Promise.all([jwks.close(), trap.close()]);
});

let genuineJwk: JWK;
beforeEach(async () => {
  genuineJwk = { ...(await exportJWK(genuine.publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' };
  keySet.keys = [genuineJwk];
  jwks.hits.length = 0;
  trap.hits.length = 0;
});

/** A fresh client per case, so that each case counts its own JWKS fetches. */
function client(): AuthClient {
  return createAuthClient({ authUrl: jwks.origin, environmentId, clientId, jwksCooldownSeconds: 30 });
}

function claims(extra: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer,
    sub: 'user-1',
    aud: [audience, clientId],
    azp: clientId,
    iat: now,
    exp: now + 300,
    ...extra,
  };
}

async function sign(
  payload: JWTPayload,
  header: Record<string, unknown> = {},
  key: CryptoKey | Uint8Array = genuine.privateKey,
): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1', typ: 'JWT', ...header } as { alg: string })
    .sign(key);
}

const verifiers = {
  verifyAccessToken: (auth: AuthClient, token: string) =>
    verifyAccessToken({ client: auth, token, audience }),
  verifyIdToken: (auth: AuthClient, token: string) => verifyIdToken({ client: auth, token }),
};

interface Attack {
  name: string;
  token: () => Promise<string>;
  reasons: readonly TokenVerificationReason[];
  /** Fetches of the configured JWKS the refusal may cost. */
  jwksFetches: readonly [number, number];
  /** Prepares the key set the case needs. */
  setUp?: () => void;
}

const attacks: Attack[] = [
  {
    name: 'alg: none, no signature',
    token: async () => `${base64Url({ alg: 'none', typ: 'JWT' })}.${base64Url(claims())}.`,
    reasons: ['unsupported_algorithm'],
    jwksFetches: [0, 0],
  },
  {
    name: 'alg: NoNe spelled oddly, with the genuine signature attached',
    token: async () => {
      const [, payload, signature] = (await sign(claims())).split('.');
      return `${base64Url({ alg: 'NoNe', kid: 'key-1' })}.${payload}.${signature}`;
    },
    reasons: ['unsupported_algorithm'],
    jwksFetches: [0, 0],
  },
  {
    name: 'HS256 signed with the public key as the HMAC secret',
    token: async () => {
      const secret = new TextEncoder().encode(await exportSPKI(genuine.publicKey));
      return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(secret);
    },
    reasons: ['unsupported_algorithm'],
    jwksFetches: [0, 0],
  },
  {
    name: 'HS256 signed with the public JWK modulus as the secret',
    token: async () => {
      const secret = new TextEncoder().encode(genuineJwk.n ?? '');
      return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).sign(secret);
    },
    reasons: ['unsupported_algorithm'],
    jwksFetches: [0, 0],
  },
  {
    name: 'an unknown kid (one refetch, never more)',
    token: () => sign(claims(), { kid: 'rotated-away' }, attacker.privateKey),
    reasons: ['unknown_key'],
    jwksFetches: [1, 2],
  },
  {
    name: 'a kid that tries a path',
    token: () => sign(claims(), { kid: '../../../../etc/passwd' }, attacker.privateKey),
    reasons: ['unknown_key'],
    jwksFetches: [1, 2],
  },
  {
    name: 'a kid that is a URL',
    token: async () => sign(claims(), { kid: `${trap.origin}/keys` }, attacker.privateKey),
    reasons: ['unknown_key'],
    jwksFetches: [1, 2],
  },
  {
    name: 'jku pointing at the attacker’s key set',
    token: () => sign(claims(), { kid: 'attacker', jku: `${trap.origin}/jwks` }, attacker.privateKey),
    reasons: ['unknown_key'],
    jwksFetches: [1, 2],
  },
  {
    name: 'jku elsewhere with the genuine kid, signed by the attacker',
    token: () => sign(claims(), { jku: `${trap.origin}/jwks` }, attacker.privateKey),
    reasons: ['invalid_signature'],
    jwksFetches: [1, 1],
  },
  {
    name: 'x5u pointing at the attacker’s certificate',
    token: () => sign(claims(), { kid: 'attacker', x5u: `${trap.origin}/cert.pem` }, attacker.privateKey),
    reasons: ['unknown_key'],
    jwksFetches: [1, 2],
  },
  {
    name: 'the attacker’s key embedded as a jwk header',
    token: () => sign(claims(), { jwk: { ...attackerJwk, kid: undefined } }, attacker.privateKey),
    reasons: ['invalid_signature'],
    jwksFetches: [1, 1],
  },
  {
    name: 'the payload altered after signing',
    token: async () => {
      const [header, , signature] = (await sign(claims())).split('.');
      return `${header}.${base64Url(claims({ sub: 'admin' }))}.${signature}`;
    },
    reasons: ['invalid_signature'],
    jwksFetches: [1, 1],
  },
  {
    name: 'expired',
    token: () => sign(claims({ exp: Math.floor(Date.now() / 1000) - 3600 })),
    reasons: ['expired'],
    jwksFetches: [1, 1],
  },
  {
    name: 'not yet valid',
    token: () => sign(claims({ nbf: Math.floor(Date.now() / 1000) + 3600 })),
    reasons: ['not_yet_valid'],
    jwksFetches: [1, 1],
  },
  {
    name: 'a wrong issuer (another environment on the same host)',
    token: () => sign(claims({ iss: `${jwks.origin}/other-environment/as` })),
    reasons: ['wrong_issuer'],
    jwksFetches: [1, 1],
  },
  {
    name: 'a wrong audience',
    token: () => sign(claims({ aud: 'https://other.example.com', azp: undefined })),
    reasons: ['wrong_audience'],
    jwksFetches: [1, 1],
  },
  {
    name: 'a JWKS with duplicate kids, the token signed by neither key',
    setUp: () => {
      keySet.keys = [genuineJwk, { ...rotatedJwk, kid: 'key-1' }];
    },
    token: async () => sign(claims(), {}, (await generateKeyPair('RS256')).privateKey),
    // Two keys answer to the kid, so none is the token's key: refused as an unknown key.
    reasons: ['unknown_key'],
    jwksFetches: [1, 1],
  },
  {
    name: 'a huge token (4 MB of claims, a forged signature)',
    token: async () => {
      const [header, , signature] = (await sign(claims())).split('.');
      return `${header}.${base64Url(claims({ padding: 'x'.repeat(4_000_000) }))}.${signature}`;
    },
    reasons: ['malformed', 'invalid_signature'],
    jwksFetches: [0, 1],
  },
];

describe.each(Object.entries(verifiers))('%s under attack', (_name, verify) => {
  it.each(attacks)('refuses $name with a typed reason, fetching only the configured JWKS', async (attack) => {
    attack.setUp?.();
    const token = await attack.token();
    const started = performance.now();
    const error = await verify(client(), token).then(
      (claimsAccepted) => new Error(`accepted: ${JSON.stringify(claimsAccepted).slice(0, 200)}`),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TokenVerificationError);
    expect(attack.reasons).toContain((error as TokenVerificationError).reason);
    expect(String(error)).not.toContain(token.slice(-40));
    expect(jwks.hits.length).toBeGreaterThanOrEqual(attack.jwksFetches[0]);
    expect(jwks.hits.length).toBeLessThanOrEqual(attack.jwksFetches[1]);
    expect(jwks.hits.every((path) => path === `/${environmentId}/as/jwks`)).toBe(true);
    expect(trap.hits).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('still accepts the genuine token (the attacks are refused for their fault, not by accident)', async () => {
    await expect(verify(client(), await sign(claims()))).resolves.toMatchObject({ sub: 'user-1' });
  });

  it('a flood of forged kids costs one refetch per cooldown, not one per token', async () => {
    const auth = client();
    await verify(auth, await sign(claims())); // the first fetch
    for (let index = 0; index < 50; index++) {
      const forged = await sign(claims(), { kid: `forged-${index}` }, attacker.privateKey);
      await expect(verify(auth, forged)).rejects.toMatchObject({ reason: 'unknown_key' });
    }
    expect(jwks.hits.length).toBeLessThanOrEqual(2);
    expect(trap.hits).toEqual([]);
  });
});
