import { type Client, clientCredentials } from '@pingone-sdk/core';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient } from '@pingone-sdk/management';

/** An emulator and a management client for it; the emulator checks its own answers against the spec in tests. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  close(): Promise<void>;
}

/**
 * Starts an emulator and a client for it. The client authenticates like a real worker application
 * (client credentials). Under vitest the emulator answers 500 instead of anything the spec's response
 * schemas do not allow, so such an answer fails the test that provoked it.
 */
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
