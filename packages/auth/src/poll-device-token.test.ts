import { BadRequestError } from '@pingone-sdk/core';
import { describe, expect, it } from 'vitest';
import { createFakeAuthServer, oauthError } from '../test/fake-auth-server.js';
import { createAuthClient } from './create-auth-client.js';
import { pollDeviceToken } from './poll-device-token.js';

describe('pollDeviceToken', () => {
  it('keeps polling on authorization_pending, adds slowDownSeconds on slow_down, and returns the tokens', async () => {
    const server = await createFakeAuthServer();
    const answers = [
      () => oauthError(400, 'authorization_pending'),
      () => oauthError(400, 'slow_down'),
      () => oauthError(400, 'authorization_pending'),
      () => Response.json({ access_token: 'at', token_type: 'Bearer', expires_in: 60, refresh_token: 'rt' }),
    ];
    const times: number[] = [];
    server.routes.set('POST token', (request) => {
      expect(request.body.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:device_code');
      expect(request.body.get('device_code')).toBe('dc');
      times.push(Date.now());
      return (answers.shift() as () => Response)();
    });
    const client = createAuthClient({
      authUrl: server.authUrl,
      environmentId: server.environmentId,
      clientId: 'tv',
      fetch: server.fetch,
    });
    const pending: Array<{ error: string; interval: number }> = [];
    const tokens = await pollDeviceToken({
      client,
      deviceCode: 'dc',
      interval: 0.02,
      slowDownSeconds: 0.1,
      onPending: ({ error, interval }) => pending.push({ error, interval }),
    });
    expect(tokens).toMatchObject({ accessToken: 'at', refreshToken: 'rt' });
    expect(pending.map((item) => item.error)).toEqual([
      'authorization_pending',
      'slow_down',
      'authorization_pending',
    ]);
    expect(pending[1]?.interval).toBeCloseTo(0.12);
    expect((times[3] as number) - (times[2] as number)).toBeGreaterThanOrEqual(100);
  });

  it('stops with the server error on access_denied or expired_token, and with the signal on abort', async () => {
    const server = await createFakeAuthServer();
    server.routes.set('POST token', () => oauthError(400, 'expired_token', 'The device code has expired.'));
    const client = createAuthClient({
      authUrl: server.authUrl,
      environmentId: server.environmentId,
      clientId: 'tv',
      fetch: server.fetch,
    });
    const error = await pollDeviceToken({ client, deviceCode: 'dc', interval: 0 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ error: 'expired_token' });

    server.routes.set('POST token', () => oauthError(400, 'authorization_pending'));
    const controller = new AbortController();
    const polling = pollDeviceToken({ client, deviceCode: 'dc', interval: 0.01, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 50);
    await expect(polling).rejects.toThrow('user cancelled');
  });
});
