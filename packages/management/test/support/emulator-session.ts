import { type Client, clientCredentials } from '@pingone-sdk/core';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { loadServiceDocument } from '@pingone-sdk/generate/spec-document';
import { createManagementClient } from '../../src/index.js';
import { ResponseConformance } from './response-conformance.js';

let conformance: ResponseConformance | undefined;

/** An emulator and a management client whose every answer is checked against the spec. */
export interface EmulatorSession {
  emulator: RunningEmulator;
  client: Client;
  close(): Promise<void>;
}

/**
 * Starts an emulator and a client for it. The client authenticates like a real worker application
 * (client credentials) and throws on any answer that the spec's response schemas do not allow.
 */
export async function startEmulatorSession(options: EmulatorOptions = {}): Promise<EmulatorSession> {
  conformance ??= new ResponseConformance(await loadServiceDocument('management'));
  const checker = conformance;
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
    hooks: { afterResponse: (response, request) => checker.check(request.method, request.url, response) },
  });
  return { emulator, client, close: () => emulator.close() };
}
