import { type Client, clientCredentials } from '@pingone-sdk/core';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient } from '@pingone-sdk/management';

/** An emulator, the management client a user would make for it, and every API request that client sent. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  /** The API requests the client sent, in order, as they left (token requests go elsewhere). */
  sent: Request[];
  close(): Promise<void>;
}

/**
 * Starts an emulator and a `createManagementClient` client that authenticates like a worker application,
 * which every service package's functions take. Retries are off so that a test sees the first answer;
 * under vitest the emulator answers 500 instead of anything its spec does not allow, so such an answer
 * fails the test that provoked it.
 */
export async function startEmulatorSession(options: EmulatorOptions = {}): Promise<EmulatorSession> {
  const emulator = await startEmulator(options);
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
