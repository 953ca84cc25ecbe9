import { type Client, clientCredentials } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient } from '@pingone-sdk/management';

/** An emulator, a management client for it, and the API requests that client sent. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  /** Every API request the client sent (token requests excluded), in order. */
  sent: Request[];
  close(): Promise<void>;
}

/**
 * Starts an emulator and the client a user of this package builds: `createManagementClient` with a
 * worker's client credentials. Under vitest the emulator answers 500 instead of anything its spec does
 * not allow, so a wrong answer fails the test that provoked it.
 */
export async function startEmulatorSession(): Promise<EmulatorSession> {
  const emulator = await startEmulator();
  const sent: Request[] = [];
  const client = createManagementClient({
    baseUrl: emulator.apiUrl,
    environmentId: emulator.environmentId,
    token: clientCredentials({
      environmentId: emulator.environmentId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authUrl: emulator.authUrl,
    }),
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return globalThis.fetch(request);
    },
    retry: false,
  });
  return { emulator, client, sent, close: () => emulator.close() };
}
