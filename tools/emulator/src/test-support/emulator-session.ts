import type { EmulatorOptions, RunningEmulator } from '../emulator-options.js';
import { startEmulator } from '../start-emulator.js';

/** A started emulator with a worker token, and helpers to call it with plain fetch. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  token: string;
  /** `{apiUrl}/environments/{environmentId}` */
  environmentUrl: string;
  /** fetch with the bearer token and a JSON body, parsed JSON back. */
  call(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<CallResult>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary answer shapes and assert on them.
  body: any;
}

export async function requestToken(emulator: RunningEmulator): Promise<string> {
  const basic = Buffer.from(`${emulator.clientId}:${emulator.clientSecret}`).toString('base64');
  const response = await fetch(`${emulator.authUrl}/${emulator.environmentId}/as/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

export async function startSession(options: EmulatorOptions = {}): Promise<EmulatorSession> {
  const emulator = await startEmulator(options);
  const token = await requestToken(emulator);
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    emulator,
    token,
    environmentUrl: `${emulator.apiUrl}/environments/${emulator.environmentId}`,
    call,
  };
}
