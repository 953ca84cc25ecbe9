import type { AuthClient } from './auth-client.js';
import type { DeviceAuthorizationRequest, DeviceAuthorizationResponse } from './generated/types.gen.js';
import { scopeText } from './internal/scope-text.js';
import { sendAuthenticatedForm } from './internal/send-authenticated-form.js';

/** Options of {@link startDeviceAuthorization}. */
export interface StartDeviceAuthorizationOptions {
  /** The auth client of the application (often a public client, `authMethod: 'none'`). */
  client: AuthClient;
  /**
   * Scopes to ask for.
   * @default the application's default scopes
   * @example 'openid offline_access'
   */
  scope?: string | readonly string[];
  /** Cancels the request. */
  signal?: AbortSignal;
}

/** A started device authorization: what to show the user and how to poll. */
export interface DeviceAuthorization {
  /** The secret code to poll with; pass the whole object to `pollDeviceToken`. */
  deviceCode: string;
  /** The short code the user enters. */
  userCode: string;
  /** The page where the user enters it. */
  verificationUri: string;
  /** The page with the code filled in (for a QR code), when the server offers one. */
  verificationUriComplete: string | undefined;
  /** Seconds before the device code expires. */
  expiresIn: number;
  /** Seconds to wait between polls. */
  interval: number;
}

/**
 * Starts the device authorization grant (RFC 8628) for a device without a browser or keyboard. Show
 * `userCode` and `verificationUri`, then call `pollDeviceToken`.
 *
 * @example
 * const device = await startDeviceAuthorization({ client, scope: 'openid' });
 * console.log(`Visit ${device.verificationUri} and enter ${device.userCode}`);
 * const tokens = await pollDeviceToken({ client, ...device });
 */
export async function startDeviceAuthorization(
  options: StartDeviceAuthorizationOptions,
): Promise<DeviceAuthorization> {
  const { client, signal } = options;
  const fields: Omit<DeviceAuthorizationRequest, 'client_id'> = {
    scope: options.scope === undefined ? undefined : scopeText(options.scope),
  };
  const { data } = await sendAuthenticatedForm(client, client.endpoints.deviceAuthorization, fields, signal);
  const answer = data as DeviceAuthorizationResponse;
  return {
    deviceCode: answer.device_code,
    userCode: answer.user_code,
    verificationUri: answer.verification_uri,
    verificationUriComplete: answer.verification_uri_complete,
    expiresIn: answer.expires_in,
    // RFC 8628 §3.2: without an interval, clients wait 5 seconds.
    interval: answer.interval ?? 5,
  };
}
