import { pathToFileURL } from 'node:url';
import { listUsers } from '@pingone-sdk/management';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isMain, managementClientFor, runOnTenantOrEmulator, tenantFromEnvironment } from './tenant.js';

function nameTenant(): void {
  vi.stubEnv('PINGONE_ENVIRONMENT_ID', 'environment-1');
  vi.stubEnv('PINGONE_CLIENT_ID', 'client-1');
  vi.stubEnv('PINGONE_CLIENT_SECRET', 'secret-1');
  vi.stubEnv('PINGONE_ADMIN_ENVIRONMENT_ID', 'admin-1');
  vi.stubEnv('PINGONE_REGION', 'EU');
  vi.stubEnv('PINGONE_API_URL', 'https://api.example.test/v1');
  vi.stubEnv('PINGONE_AUTH_URL', 'https://auth.example.test');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('tenantFromEnvironment', () => {
  it('reads the tenant and its worker application from the PINGONE_* variables', () => {
    nameTenant();
    expect(tenantFromEnvironment()).toEqual({
      environmentId: 'environment-1',
      adminEnvironmentId: 'admin-1',
      clientId: 'client-1',
      clientSecret: 'secret-1',
      region: 'EU',
      apiUrl: 'https://api.example.test/v1',
      authUrl: 'https://auth.example.test',
    });
  });

  it.each(['PINGONE_ENVIRONMENT_ID', 'PINGONE_CLIENT_ID', 'PINGONE_CLIENT_SECRET'])(
    'names no tenant without %s',
    (name) => {
      nameTenant();
      vi.stubEnv(name, '');
      expect(tenantFromEnvironment()).toBeUndefined();
    },
  );
});

describe('runOnTenantOrEmulator', () => {
  it('runs on the named tenant without starting an emulator', async () => {
    nameTenant();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const seen = await runOnTenantOrEmulator('Testing', async (tenant, emulator) => ({ tenant, emulator }));
    expect(seen.tenant.environmentId).toBe('environment-1');
    expect(seen.emulator).toBeUndefined();
    expect(log).not.toHaveBeenCalled();
  });

  it('without a tenant, runs on an emulator that the management client reaches, then closes it', async () => {
    vi.stubEnv('PINGONE_ENVIRONMENT_ID', '');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const apiUrl = await runOnTenantOrEmulator('Testing', async (tenant, emulator) => {
      expect(tenant.apiUrl).toBe(emulator?.apiUrl);
      const { data } = await listUsers({ client: managementClientFor(tenant) });
      expect(data._embedded.users).toEqual(expect.any(Array));
      return tenant.apiUrl;
    });
    expect(log).toHaveBeenCalledWith(`Testing on the emulator at ${apiUrl}`);
    await expect(fetch(`${apiUrl}/environments`)).rejects.toThrow();
  });

  it('closes the emulator when the example fails', async () => {
    vi.stubEnv('PINGONE_ENVIRONMENT_ID', '');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let apiUrl: string | undefined;
    await expect(
      runOnTenantOrEmulator('Testing', async (tenant) => {
        apiUrl = tenant.apiUrl;
        throw new Error('the example failed');
      }),
    ).rejects.toThrow('the example failed');
    await expect(fetch(`${apiUrl}/environments`)).rejects.toThrow();
  });
});

describe('isMain', () => {
  it('is true only for the module node was started with', () => {
    expect(isMain(pathToFileURL(process.argv[1] ?? '').href)).toBe(true);
    expect(isMain(import.meta.url)).toBe(false);
  });
});
