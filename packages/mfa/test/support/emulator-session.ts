import type { Client } from '@pingone-sdk/core';
import { clientCredentials } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient, createUser } from '@pingone-sdk/management';
import { vi } from 'vitest';

/** An emulator, a management client for it (as users build one), and every API request it sent. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  /** The client's fetch; token requests do not pass through it. */
  apiFetch: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;
  close(): Promise<void>;
}

/**
 * Starts an emulator and a client that authenticates like a worker application. Under vitest the
 * emulator answers 500 instead of anything its spec does not allow, so such an answer fails the test.
 */
export async function startEmulatorSession(): Promise<EmulatorSession> {
  const emulator = await startEmulator();
  const apiFetch = vi.fn<typeof globalThis.fetch>((input, init) => globalThis.fetch(input, init));
  const client = createManagementClient({
    baseUrl: emulator.apiUrl,
    environmentId: emulator.environmentId,
    fetch: apiFetch,
    token: clientCredentials({
      environmentId: emulator.environmentId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authUrl: emulator.authUrl,
    }),
  });
  return { emulator, client, apiFetch, close: () => emulator.close() };
}

/** A new user of the emulator's environment, for device tests. */
export async function createTestUser(client: Client, username: string): Promise<string> {
  const { data } = await createUser({ client, body: { username, email: `${username}@example.com` } });
  return data.id;
}
