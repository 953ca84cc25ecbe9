/**
 * `pnpm demo`: runs the quickstart against a local emulator, or against a real tenant when
 * PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET are set (see tenant.ts for the
 * other PINGONE_* variables it reads).
 */

import { runQuickstart } from './quickstart.js';
import { runOnTenantOrEmulator } from './tenant.js';

await runOnTenantOrEmulator('Running the quickstart', async (tenant, emulator) => {
  if (emulator) {
    console.log(
      '(set PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET to use a real tenant)\n',
    );
  } else {
    console.log(`Running the quickstart against PingOne (${tenant.region ?? 'NA'})`);
  }
  await runQuickstart(tenant);
});
