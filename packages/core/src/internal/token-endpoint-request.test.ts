import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  MalformedResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from '../errors.js';
import { errorFromResponse } from './error-from-response.js';
import { tokenEndpointError } from './token-endpoint-request.js';

const url = 'https://auth.pingone.eu/env-1/as/token';

const answer = (status: number, body: unknown) =>
  errorFromResponse(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', 'correlation-id': 'corr-1' },
    }),
  );

describe('tokenEndpointError (the token endpoint policy)', () => {
  it('1. turns a 404 into a NotFoundError naming the URL and what to check, whoever asked', async () => {
    for (const clientOnly of [true, false]) {
      const mapped = tokenEndpointError(await answer(404, { code: 'NOT_FOUND' }), url, clientOnly);
      expect(mapped).toBeInstanceOf(NotFoundError);
      expect(mapped).not.toBeInstanceOf(AuthenticationError);
      expect(mapped).toMatchObject({
        status: 404,
        correlationId: 'corr-1',
        message: `Nothing answers at ${url} (404): check region, authUrl or issuer, and environmentId`,
      });
    }
  });

  it('2. makes invalid_client an AuthenticationError whatever its status, keeping error and error_description', async () => {
    const mapped = tokenEndpointError(
      await answer(400, { error: 'invalid_client', error_description: 'Unknown client.' }),
      url,
      false,
    );
    expect(mapped).toBeInstanceOf(AuthenticationError);
    expect(mapped).toMatchObject({
      status: 400,
      error: 'invalid_client',
      errorDescription: 'Unknown client.',
    });
  });

  it('3. makes every 4xx of a client-only grant an AuthenticationError, and keeps user grants by status', async () => {
    const invalidScope = { error: 'invalid_scope', error_description: 'No such scope.' };
    expect(tokenEndpointError(await answer(400, invalidScope), url, true)).toBeInstanceOf(
      AuthenticationError,
    );
    expect(tokenEndpointError(await answer(403, invalidScope), url, true)).toBeInstanceOf(
      AuthenticationError,
    );
    const invalidGrant = await answer(400, { error: 'invalid_grant', error_description: 'Code used.' });
    const kept = tokenEndpointError(invalidGrant, url, false);
    expect(kept).toBe(invalidGrant);
    expect(kept).toBeInstanceOf(BadRequestError);
    expect(tokenEndpointError(await answer(403, {}), url, false)).toBeInstanceOf(PermissionDeniedError);
  });

  it('3. keeps a 429 a RateLimitError with its retryAfter, even for a client-only grant', async () => {
    const refused = errorFromResponse(
      new Response(JSON.stringify({ code: 'REQUEST_LIMITED', message: 'Slow down.' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '2' },
      }),
    );
    const mapped = tokenEndpointError(await refused, url, true);
    expect(mapped).toBeInstanceOf(RateLimitError);
    expect(mapped).not.toBeInstanceOf(AuthenticationError);
    expect(mapped).toMatchObject({ status: 429, retryAfter: 2 });
  });

  it('4. turns a body that is not JSON into an AuthenticationError without the parser message', () => {
    const response = new Response('{"access_token":"half-a-tok', { status: 200 });
    const mapped = tokenEndpointError(new MalformedResponseError(response), url, true);
    expect(mapped).toBeInstanceOf(AuthenticationError);
    expect((mapped as Error).message).toBe('The token endpoint answered with a body that is not valid JSON');
    expect(JSON.stringify(mapped)).not.toContain('half-a-tok');
  });

  it('5. passes 5xx and transport failures through unchanged', async () => {
    const server = await answer(503, { code: 'SERVICE_UNAVAILABLE' });
    expect(tokenEndpointError(server, url, true)).toBe(server);
    expect(server).toBeInstanceOf(ServerError);
    const connection = new ConnectionError('refused');
    expect(tokenEndpointError(connection, url, true)).toBe(connection);
  });
});
