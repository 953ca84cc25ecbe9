import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PingOneError } from '@pingone-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createAuthClient,
  exchangeAuthorizationCode,
  introspectToken,
  refreshAccessToken,
} from '../src/index.js';

/**
 * An auth host (or a proxy in front of it) that answers 307 towards another host: fetch would send the
 * same body there, with the client secret, the code and its verifier, or the refresh token. Over real
 * loopback HTTP: the other host must never be reached.
 */

const secret = 'client-secret-never-forwarded';
const environmentId = 'e0e0e0e0-0000-4000-8000-000000000001';
const seen: string[] = [];
let redirecting: { origin: string; close(): void };
let elsewhere: { origin: string; close(): void };

async function listen(handle: (url: string, body: string) => [number, Record<string, string>, string]) {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const [status, headers, text] = handle(request.url ?? '', body);
      response.writeHead(status, headers).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

beforeAll(async () => {
  elsewhere = await listen((url, body) => {
    seen.push(`${url} ${body}`);
    return [200, { 'content-type': 'application/json' }, '{"access_token":"stolen","token_type":"Bearer"}'];
  });
  redirecting = await listen((url) => [307, { location: `${elsewhere.origin}${url}` }, '']);
});
afterAll(() => {
  redirecting.close();
  elsewhere.close();
});
beforeEach(() => {
  seen.length = 0;
});

const client = () =>
  createAuthClient({
    authUrl: redirecting.origin,
    environmentId,
    clientId: 'web-app',
    clientSecret: secret,
    authMethod: 'client_secret_post',
    retry: false,
  });

describe('requests carrying secrets never follow a redirect', () => {
  it.each([
    [
      'exchangeAuthorizationCode',
      () =>
        exchangeAuthorizationCode({
          client: client(),
          code: 'the-code',
          redirectUri: 'https://app.example.com/callback',
          codeVerifier: 'the-verifier',
        }),
    ],
    ['refreshAccessToken', () => refreshAccessToken({ client: client(), refreshToken: 'the-refresh-token' })],
    ['introspectToken', () => introspectToken({ client: client(), token: 'the-access-token' })],
  ])('%s fails with the 307 and sends nothing to the other host', async (_name, call) => {
    const error = await call().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PingOneError);
    expect(error).toMatchObject({ status: 307 });
    expect(seen).toEqual([]);
    expect(String(error)).not.toContain(secret);
  });
});
