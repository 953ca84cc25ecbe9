/**
 * Runs smoke.mjs (Node only) against an emulator started from the consumer project's own
 * node_modules, that is from the published @pingone-sdk/emulator, the way a user's tests would.
 */
import { startEmulator } from '@pingone-sdk/emulator';

const emulator = await startEmulator();
Object.assign(process.env, {
  PINGONE_API_URL: emulator.apiUrl,
  PINGONE_AUTH_URL: emulator.authUrl,
  PINGONE_ENVIRONMENT_ID: emulator.environmentId,
  PINGONE_CLIENT_ID: emulator.clientId,
  PINGONE_CLIENT_SECRET: emulator.clientSecret,
});
try {
  // smoke.mjs exits with status 1 itself on a failure.
  await import('./smoke.mjs');
} finally {
  await emulator.close();
}
