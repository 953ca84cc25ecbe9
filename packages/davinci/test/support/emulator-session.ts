import { type Client, clientCredentials } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient } from '@pingone-sdk/management';

/** An emulator, a management client for it, and every API request that client sent. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  /** Requests the client sent to the API (token requests are not counted). */
  sent: Request[];
  close(): Promise<void>;
}

/**
 * Starts an emulator and the client a DaVinci user would use: `createManagementClient` with a worker's
 * client credentials. Under vitest the emulator checks its own answers against the spec.
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
  });
  return { emulator, client, sent, close: () => emulator.close() };
}
