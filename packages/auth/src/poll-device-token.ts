import { PingOneError } from '@pingone-sdk/core';
import { requireSeconds, requireText, sleep } from '@pingone-sdk/core/internal';
import type { AuthClient } from './auth-client.js';
import { requestTokens } from './internal/request-tokens.js';
import type { TokenSet } from './token-set.js';

/** Options of {@link pollDeviceToken}. */
export interface PollDeviceTokenOptions {
  /** The auth client that started the device authorization. */
  client: AuthClient;
  /** The `deviceCode` of `startDeviceAuthorization`'s answer. */
  deviceCode: string;
  /**
   * Seconds to wait before each poll, as the device authorization answered.
   * @default 5
   */
  interval?: number;
  /**
   * Seconds added to the interval each time the server answers `slow_down` (RFC 8628 §3.5).
   * @default 5
   */
  slowDownSeconds?: number;
  /**
   * Called after each `authorization_pending` or `slow_down` answer, e.g. to update a spinner.
   * @default none
   */
  onPending?: (state: {
    error: 'authorization_pending' | 'slow_down';
    interval: number;
    attempts: number;
  }) => void;
  /** Stops polling; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Polls the token endpoint until the user approves the device authorization, and returns the tokens.
 * It waits `interval` seconds before each poll, keeps going on `authorization_pending`, slows down on
 * `slow_down`, and throws the core's `PingOneError` (with `error` `access_denied` or `expired_token`)
 * when the user refuses or the code expires.
 *
 * @example
 * const device = await startDeviceAuthorization({ client, scope: 'openid' });
 * const tokens = await pollDeviceToken({ client, deviceCode: device.deviceCode, interval: device.interval });
 */
export async function pollDeviceToken(options: PollDeviceTokenOptions): Promise<TokenSet> {
  const deviceCode = requireText(options.deviceCode, 'deviceCode');
  let interval = requireSeconds(options.interval, 'interval', 5);
  const slowDown = requireSeconds(options.slowDownSeconds, 'slowDownSeconds', 5);
  for (let attempts = 1; ; attempts += 1) {
    await sleep(interval * 1000, options.signal);
    try {
      return await requestTokens(
        options.client,
        { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode },
        options.signal,
      );
    } catch (error) {
      if (
        !(error instanceof PingOneError) ||
        (error.error !== 'authorization_pending' && error.error !== 'slow_down')
      )
        throw error;
      if (error.error === 'slow_down') interval += slowDown;
      options.onPending?.({ error: error.error, interval, attempts });
    }
  }
}
