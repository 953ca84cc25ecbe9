import { type Client, clientCredentials } from '@pingone-sdk/core';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient } from '@pingone-sdk/management';

/** An emulator and the management client that credentials operations take; answers are checked against the spec in tests. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  close(): Promise<void>;
}

/** Starts an emulator and a management client that authenticates like a worker application. */
export async function startEmulatorSession(options: EmulatorOptions = {}): Promise<EmulatorSession> {
  const emulator = await startEmulator(options);
  const client = createManagementClient({
    baseUrl: emulator.apiUrl,
    environmentId: emulator.environmentId,
    token: clientCredentials({
      environmentId: emulator.environmentId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authUrl: emulator.authUrl,
    }),
  });
  return { emulator, client, close: () => emulator.close() };
}
