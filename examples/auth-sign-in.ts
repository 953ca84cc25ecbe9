/**
 * Server-side sign-in with the authorization code flow and PKCE, in plain Node (`node:http`).
 *
 *   GET /          a link to sign in, or the signed-in user's claims
 *   GET /login     makes a PKCE pair, state and nonce, keeps them in the session, redirects to PingOne
 *   GET /callback  checks state, exchanges the code, verifies the ID token, reads userinfo
 *   GET /logout    revokes the refresh token and sends the browser to PingOne's sign-off
 *
 * Against PingOne, set PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET (a web
 * application with the authorization code grant and http://localhost:3000/callback registered),
 * optionally PINGONE_REGION or PINGONE_AUTH_URL and PORT, then open http://localhost:3000.
 * Without them, it starts the emulator with a seeded user and application, signs in once as that user
 * the way a browser would, prints what the app saw, and exits: `pnpm tsx auth-sign-in.ts`.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AuthClient,
  buildAuthorizeUrl,
  buildSignOffUrl,
  createAuthClient,
  createPkce,
  exchangeAuthorizationCode,
  getUserInfo,
  revokeToken,
  verifyIdToken,
} from '@pingone-sdk/auth';
import type { Region } from '@pingone-sdk/core';
import { startEmulator } from '@pingone-sdk/emulator';

interface Session {
  pending?: { verifier: string; state: string; nonce: string };
  user?: { claims: Record<string, unknown>; idToken: string; refreshToken: string | undefined };
}

/** Starts the web app; returns its origin and a function that stops it. */
export async function startSignInApp(client: AuthClient, port: number) {
  const sessions = new Map<string, Session>();
  let origin = '';
  const sessionOf = (request: IncomingMessage, response: ServerResponse): Session => {
    const id = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? randomUUID();
    if (!sessions.has(id)) {
      sessions.set(id, {});
      response.setHeader('Set-Cookie', `sid=${id}; HttpOnly; SameSite=Lax; Path=/`);
    }
    return sessions.get(id) as Session;
  };
  const redirect = (response: ServerResponse, location: string) =>
    response.writeHead(302, { Location: location }).end();

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const session = sessionOf(request, response);
    const redirectUri = `${origin}/callback`;
    try {
      if (url.pathname === '/login') {
        const pkce = await createPkce();
        session.pending = { verifier: pkce.verifier, state: randomUUID(), nonce: randomUUID() };
        const { state, nonce } = session.pending;
        return redirect(
          response,
          buildAuthorizeUrl({
            client,
            redirectUri,
            scope: 'openid profile email',
            state,
            nonce,
            codeChallenge: pkce.challenge,
          }),
        );
      }
      if (url.pathname === '/callback') {
        const pending = session.pending;
        session.pending = undefined;
        if (!pending || url.searchParams.get('state') !== pending.state)
          return response.writeHead(400).end('Unexpected state.');
        const error = url.searchParams.get('error');
        if (error)
          return response
            .writeHead(400)
            .end(`Sign-in failed: ${error} ${url.searchParams.get('error_description') ?? ''}`);
        const tokens = await exchangeAuthorizationCode({
          client,
          code: url.searchParams.get('code') ?? '',
          redirectUri,
          codeVerifier: pending.verifier,
        });
        const idClaims = await verifyIdToken({ client, token: tokens.idToken ?? '', nonce: pending.nonce });
        const profile = await getUserInfo({ client, accessToken: tokens.accessToken });
        session.user = {
          claims: { ...idClaims, ...profile },
          idToken: tokens.idToken ?? '',
          refreshToken: tokens.refreshToken,
        };
        return redirect(response, '/');
      }
      if (url.pathname === '/logout' && session.user) {
        const { idToken, refreshToken } = session.user;
        session.user = undefined;
        if (refreshToken) await revokeToken({ client, token: refreshToken, tokenTypeHint: 'refresh_token' });
        return redirect(response, buildSignOffUrl({ client, idTokenHint: idToken }));
      }
      if (session.user)
        return response
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify(session.user.claims, null, 2));
      return response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<a href="/login">Sign in with PingOne</a>');
    } catch (error) {
      response.writeHead(500).end(`Sign-in failed: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What a browser does: follows the redirects, and posts the credentials on the emulator's sign-on step. */
async function browseAsUser(origin: string, username: string, password: string): Promise<string> {
  const login = await fetch(`${origin}/login`, { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const signOn = new URL(login.headers.get('location') ?? '');
  const authorize = await fetch(signOn, { redirect: 'manual' });
  const signOnStep = new URL(authorize.headers.get('location') ?? '');
  const signedOn = await fetch(new URL(signOnStep.pathname, signOnStep), {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ flowId: signOnStep.searchParams.get('flowId') ?? '', username, password }),
  });
  await fetch(signedOn.headers.get('location') ?? '', { headers: { cookie }, redirect: 'manual' });
  return (await fetch(`${origin}/`, { headers: { cookie } })).text();
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (process.env.PINGONE_ENVIRONMENT_ID) {
    const client = createAuthClient({
      environmentId: process.env.PINGONE_ENVIRONMENT_ID,
      clientId: process.env.PINGONE_CLIENT_ID ?? '',
      clientSecret: process.env.PINGONE_CLIENT_SECRET,
      ...(process.env.PINGONE_AUTH_URL ? { authUrl: process.env.PINGONE_AUTH_URL } : {}),
      ...(process.env.PINGONE_REGION ? { region: process.env.PINGONE_REGION as Region } : {}),
    });
    const app = await startSignInApp(client, port);
    console.log(`Open ${app.origin} and sign in.`);
    return;
  }
  const emulator = await startEmulator({
    seed: {
      users: [
        {
          username: 'ada',
          email: 'ada@example.com',
          name: { given: 'Ada', family: 'Lovelace' },
          password: 'P4ssw0rd!',
        },
      ],
      applications: [
        {
          id: 'sign-in-example',
          clientSecret: 'example-secret',
          grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'],
          redirectUris: ['http://localhost:3000/callback'],
          pkceEnforcement: 'S256_REQUIRED',
        },
      ],
    },
  });
  const client = createAuthClient({
    authUrl: emulator.authUrl,
    environmentId: emulator.environmentId,
    clientId: 'sign-in-example',
    clientSecret: 'example-secret',
  });
  const app = await startSignInApp(client, port);
  try {
    console.log(`emulator at ${emulator.authUrl}, app at ${app.origin}; signing in as ada …`);
    console.log(await browseAsUser(app.origin, 'ada', 'P4ssw0rd!'));
  } finally {
    await app.close();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
