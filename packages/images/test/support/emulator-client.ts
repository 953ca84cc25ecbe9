import { type Client, clientCredentials, createClient } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { vi } from 'vitest';

/** A started emulator, a client for its management API, and a record of every request the client sent. */
export interface EmulatorClient {
  emulator: RunningEmulator;
  client: Client;
  /** The client's fetch: every API request it makes passes through here (token requests do not). */
  apiFetch: ReturnType<typeof vi.fn<typeof globalThis.fetch>>;
  /** Requests the client sent, as seen before they left (method, URL, headers). */
  sent: Request[];
  close(): Promise<void>;
}

/** Starts an emulator and a client configured as `createManagementClient` configures one, with a fetch spy. */
export async function startEmulatorClient(): Promise<EmulatorClient> {
  const emulator = await startEmulator();
  const sent: Request[] = [];
  const apiFetch = vi.fn<typeof globalThis.fetch>((input, init) => {
    const request = new Request(input, init);
    sent.push(request.clone());
    return globalThis.fetch(request);
  });
  const client = createClient({
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
  return { emulator, client, apiFetch, sent, close: () => emulator.close() };
}

/** Fetches an uploaded file's URL without credentials, as a browser showing a logo would. */
export async function fetchFile(href: string): Promise<{ response: Response; bytes: Uint8Array }> {
  const response = await fetch(href);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}
