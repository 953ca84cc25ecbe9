/**
 * Where an example runs: the PingOne tenant that PINGONE_* variables name, or else a local emulator.
 *
 * A tenant is used when these three are set:
 *   PINGONE_ENVIRONMENT_ID   the environment the example works in
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 * and these are read with them:
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 */
import { pathToFileURL } from 'node:url';
import { type Client, clientCredentials, type Region } from '@pingone-sdk/core';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { createManagementClient } from '@pingone-sdk/management';

/** The tenant an example works in and the worker application it signs in as. */
export interface TenantSettings {
  /**
   * The environment the example works in.
   * @example '8f4b3c2a-5d6e-4f70-8a91-b2c3d4e5f607'
   */
  environmentId: string;
  /**
   * The environment the worker application lives in, when that is another one (an administrators'
   * environment).
   * @default environmentId
   * @example '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e'
   */
  adminEnvironmentId?: string;
  /**
   * The worker application's client id.
   * @example 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e'
   */
  clientId: string;
  /**
   * The worker application's client secret.
   * @example process.env.PINGONE_CLIENT_SECRET
   */
  clientSecret: string;
  /**
   * The region the tenant lives in; it picks the API and auth hosts.
   * @default 'NA'
   * @example 'EU'
   */
  region?: Region;
  /**
   * The management API's base URL, ending in `/v1`, instead of the region's.
   * @default the region's API host
   * @example 'http://127.0.0.1:41234/v1'
   */
  apiUrl?: string;
  /**
   * The auth host's origin instead of the region's.
   * @default the region's auth host
   * @example 'http://127.0.0.1:41234'
   */
  authUrl?: string;
  /**
   * Where the example writes what it did, a line at a time.
   * @default console.log
   * @example (line) => lines.push(line)
   */
  log?: (line: string) => void;
}

/** A management client for the tenant, signed in with the worker application's client credentials. */
export function managementClientFor(settings: TenantSettings): Client {
  return createManagementClient({
    region: settings.region,
    baseUrl: settings.apiUrl,
    environmentId: settings.environmentId,
    token: clientCredentials({
      environmentId: settings.adminEnvironmentId ?? settings.environmentId,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      region: settings.region,
      authUrl: settings.authUrl,
    }),
  });
}

/** Whether the module at `moduleUrl` (its `import.meta.url`) is the program node was started with. */
export function isMain(moduleUrl: string): boolean {
  const program = process.argv[1];
  return program !== undefined && moduleUrl === pathToFileURL(program).href;
}

/** The tenant the PINGONE_* variables name, or undefined when one of the three required is not set. */
export function tenantFromEnvironment(): TenantSettings | undefined {
  const { PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET } = process.env;
  if (!PINGONE_ENVIRONMENT_ID || !PINGONE_CLIENT_ID || !PINGONE_CLIENT_SECRET) return undefined;
  return {
    environmentId: PINGONE_ENVIRONMENT_ID,
    adminEnvironmentId: process.env.PINGONE_ADMIN_ENVIRONMENT_ID,
    clientId: PINGONE_CLIENT_ID,
    clientSecret: PINGONE_CLIENT_SECRET,
    region: process.env.PINGONE_REGION as Region | undefined,
    apiUrl: process.env.PINGONE_API_URL,
    authUrl: process.env.PINGONE_AUTH_URL,
  };
}

/**
 * Runs an example on the tenant the PINGONE_* variables name or, without them, on an emulator started
 * for it and closed when it ends. `run` is given the emulator too, for what only it can do (such as
 * reading the passcodes it would have texted).
 *
 * @param what what the example does, for the line that says where it runs, e.g. 'Evaluating risk'
 */
export async function runOnTenantOrEmulator<T>(
  what: string,
  run: (tenant: TenantSettings, emulator?: RunningEmulator) => Promise<T>,
): Promise<T> {
  const tenant = tenantFromEnvironment();
  if (tenant) return run(tenant);
  const emulator = await startEmulator();
  console.log(`${what} on the emulator at ${emulator.apiUrl}`);
  try {
    return await run(
      {
        environmentId: emulator.environmentId,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        apiUrl: emulator.apiUrl,
        authUrl: emulator.authUrl,
      },
      emulator,
    );
  } finally {
    await emulator.close();
  }
}
