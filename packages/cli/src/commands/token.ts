import { clientCredentials, type Region } from '@pingone-sdk/core';
import type { Credentials } from '../profiles.js';

/** `pingone token`: one worker access token on stdout, for a script that asked for it. */
export async function runToken(credentials: Credentials): Promise<void> {
  const region = credentials.region as Region | undefined;
  const provider = clientCredentials({
    environmentId: credentials.environmentId,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    ...(region ? { region } : {}),
    ...(credentials.authUrl ? { authUrl: credentials.authUrl } : {}),
  });
  process.stdout.write(`${await provider.getToken()}\n`);
}
