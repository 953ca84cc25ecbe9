import { type Client, clientCredentials, type Region } from '@pingone-sdk/core';
import { createManagementClient } from '@pingone-sdk/management';
import type { Credentials } from './profiles.js';

/** The SDK client for a command, logging each request on stderr with `--verbose` (the SDK redacts secrets). */
export function createCliClient(credentials: Credentials, verbose: boolean): Client {
  const region = credentials.region as Region | undefined;
  const logger = verbose ? { debug: (line: string) => process.stderr.write(`${line}\n`) } : undefined;
  return createManagementClient({
    ...(region ? { region } : {}),
    ...(credentials.apiUrl ? { baseUrl: credentials.apiUrl } : {}),
    environmentId: credentials.environmentId,
    ...(logger ? { logger } : {}),
    token: clientCredentials({
      environmentId: credentials.environmentId,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      ...(region ? { region } : {}),
      ...(credentials.authUrl ? { authUrl: credentials.authUrl } : {}),
    }),
  });
}
