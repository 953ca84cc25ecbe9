/**
 * An API that accepts only PingOne access tokens: each request's bearer token is verified locally
 * (signature against the environment's cached JWKS, issuer, audience, expiry, scope) before the
 * handler runs. Refusals answer 401 (or 403 for a missing scope) with a `WWW-Authenticate` header.
 *
 * Against PingOne, set PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID (any application of the environment;
 * only the environment's keys are used), API_AUDIENCE (your resource's audience), REQUIRED_SCOPE,
 * optionally PINGONE_REGION or PINGONE_AUTH_URL and PORT, then call
 * `curl -H "Authorization: Bearer $TOKEN" http://localhost:4000/orders`.
 * Without them, it starts the emulator, gets a token from it, calls the API with a good, a missing
 * and a tampered token, prints the answers, and exits: `pnpm tsx auth-protected-api.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AuthClient,
  createAuthClient,
  requestClientCredentialsToken,
  TokenVerificationError,
  verifyAccessToken,
} from '@pingone-sdk/auth';
import type { Region } from '@pingone-sdk/core';
import { startEmulator } from '@pingone-sdk/emulator';

/** Starts the API; returns its origin and a function that stops it. */
export async function startProtectedApi(
  client: AuthClient,
  options: { audience: string; requiredScope?: string; port: number },
) {
  const server = createServer(async (request, response) => {
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer) {
      return response.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="orders"' }).end();
    }
    try {
      const claims = await verifyAccessToken({
        client,
        token: bearer,
        audience: options.audience,
        ...(options.requiredScope ? { requiredScopes: [options.requiredScope] } : {}),
      });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return response.end(JSON.stringify({ orders: [{ id: 1, item: 'tea' }], caller: claims.sub }));
    } catch (error) {
      if (!(error instanceof TokenVerificationError))
        return response.writeHead(503).end('Cannot verify tokens right now.');
      const status = error.reason === 'insufficient_scope' ? 403 : 401;
      const code = status === 403 ? 'insufficient_scope' : 'invalid_token';
      return response
        .writeHead(status, {
          'WWW-Authenticate': `Bearer error="${code}", error_description="${error.reason}"`,
        })
        .end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function main() {
  const port = Number(process.env.PORT ?? 4000);
  if (process.env.PINGONE_ENVIRONMENT_ID) {
    const client = createAuthClient({
      environmentId: process.env.PINGONE_ENVIRONMENT_ID,
      clientId: process.env.PINGONE_CLIENT_ID ?? 'api',
      ...(process.env.PINGONE_AUTH_URL ? { authUrl: process.env.PINGONE_AUTH_URL } : {}),
      ...(process.env.PINGONE_REGION ? { region: process.env.PINGONE_REGION as Region } : {}),
    });
    const api = await startProtectedApi(client, {
      audience: process.env.API_AUDIENCE ?? 'https://api.example.com',
      ...(process.env.REQUIRED_SCOPE ? { requiredScope: process.env.REQUIRED_SCOPE } : {}),
      port,
    });
    console.log(`API listening at ${api.origin}/orders`);
    return;
  }
  const emulator = await startEmulator();
  // The emulator's worker application; its tokens carry PingOne's platform audience.
  const worker = createAuthClient({
    authUrl: emulator.authUrl,
    environmentId: emulator.environmentId,
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
  });
  const api = await startProtectedApi(worker, {
    audience: 'https://api.pingone.com',
    requiredScope: 'orders:read',
    port: 0,
  });
  try {
    const good = (await requestClientCredentialsToken({ client: worker, scope: 'orders:read' })).accessToken;
    const narrow = (await requestClientCredentialsToken({ client: worker, scope: 'profile' })).accessToken;
    const tampered = `${good.slice(0, -4)}AAAA`;
    for (const [label, token] of [
      ['good token', good],
      ['no token', undefined],
      ['tampered token', tampered],
      ['token without the scope', narrow],
    ] as const) {
      const answer = await fetch(
        `${api.origin}/orders`,
        token ? { headers: { Authorization: `Bearer ${token}` } } : {},
      );
      console.log(
        `${label}: ${answer.status} ${answer.headers.get('www-authenticate') ?? (await answer.text())}`,
      );
    }
  } finally {
    await api.close();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
