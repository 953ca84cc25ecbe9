import { type Client, clientCredentials } from '@pingone-sdk/core';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient } from '@pingone-sdk/management';
import { vi } from 'vitest';

/** An emulator, a management client for it, and the API requests that client sent. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  /** Every API request the client sent (token requests go elsewhere and are not counted). */
  sent: Request[];
  close(): Promise<void>;
}

/**
 * Starts an emulator and the client users would make for it: `createManagementClient` from
 * @pingone-sdk/management, which the Verify functions take. Under vitest the emulator answers 500
 * instead of anything the spec's response schemas do not allow, so such an answer fails the test.
 */
export async function startEmulatorSession(options: EmulatorOptions = {}): Promise<EmulatorSession> {
  const emulator = await startEmulator(options);
  const sent: Request[] = [];
  const apiFetch = vi.fn<typeof globalThis.fetch>((input, init) => {
    const request = new Request(input, init);
    sent.push(request.clone());
    return globalThis.fetch(request);
  });
  const client = createManagementClient({
    baseUrl: emulator.apiUrl,
    environmentId: emulator.environmentId,
    token: clientCredentials({
      environmentId: emulator.environmentId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authUrl: emulator.authUrl,
    }),
    fetch: apiFetch,
    retry: false,
  });
  return { emulator, client, sent, close: () => emulator.close() };
}
