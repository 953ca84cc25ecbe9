/**
 * `pnpm demo`: runs the quickstart against a local emulator, or against a real tenant when
 * PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET are set.
 */

import type { Region } from '@pingone-sdk/core';
import { startEmulator } from '@pingone-sdk/emulator';
import { runQuickstart } from './quickstart.js';

const { PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET } = process.env;

if (PINGONE_ENVIRONMENT_ID && PINGONE_CLIENT_ID && PINGONE_CLIENT_SECRET) {
  console.log(`Running the quickstart against PingOne (${process.env.PINGONE_REGION ?? 'NA'})`);
  await runQuickstart({
    environmentId: PINGONE_ENVIRONMENT_ID,
    adminEnvironmentId: process.env.PINGONE_ADMIN_ENVIRONMENT_ID,
    clientId: PINGONE_CLIENT_ID,
    clientSecret: PINGONE_CLIENT_SECRET,
    region: process.env.PINGONE_REGION as Region | undefined,
    apiUrl: process.env.PINGONE_API_URL,
    authUrl: process.env.PINGONE_AUTH_URL,
  });
} else {
  const emulator = await startEmulator();
  console.log(`Running the quickstart against the emulator at ${emulator.apiUrl}`);
  console.log(
    '(set PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET to use a real tenant)\n',
  );
  try {
    await runQuickstart({
      environmentId: emulator.environmentId,
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      apiUrl: emulator.apiUrl,
      authUrl: emulator.authUrl,
    });
  } finally {
    await emulator.close();
  }
}
