import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { clientCredentials } from './client-credentials.js';
import { InvalidArgumentError } from './errors.js';
import { apiUrlOf, authUrlOf, defaultRegion, issuerOf, type Region } from './regions.js';

const hosts: Array<[Region, string, string]> = [
  ['NA', 'https://api.pingone.com/v1', 'https://auth.pingone.com'],
  ['EU', 'https://api.pingone.eu/v1', 'https://auth.pingone.eu'],
  ['CA', 'https://api.pingone.ca/v1', 'https://auth.pingone.ca'],
  ['AU', 'https://api.pingone.com.au/v1', 'https://auth.pingone.com.au'],
  ['SG', 'https://api.pingone.sg/v1', 'https://auth.pingone.sg'],
  ['AP', 'https://api.pingone.asia/v1', 'https://auth.pingone.asia'],
];

describe('regions', () => {
  it.each(hosts)('%s serves the API at %s and auth at %s', (region, api, auth) => {
    expect(apiUrlOf(region)).toBe(api);
    expect(authUrlOf(region)).toBe(auth);
    expect(createClient({ region }).config.baseUrl).toBe(api);
  });

  it('defaults to NA', () => {
    expect(defaultRegion).toBe('NA');
    expect(apiUrlOf()).toBe('https://api.pingone.com/v1');
    expect(authUrlOf()).toBe('https://auth.pingone.com');
    expect(createClient().config.baseUrl).toBe('https://api.pingone.com/v1');
  });

  it('refuses an unknown region', () => {
    expect(() => createClient({ region: 'US' as Region })).toThrow(InvalidArgumentError);
    expect(() => authUrlOf('eu' as Region)).toThrow(/one of NA, EU, CA, AU, SG, AP/);
  });

  it('lets baseUrl override the region, without a trailing slash', () => {
    expect(
      createClient({ region: 'EU', baseUrl: 'https://proxy.example.com/pingone/v1/' }).config.baseUrl,
    ).toBe('https://proxy.example.com/pingone/v1');
  });

  it('lets authUrl override the region of the token endpoint', () => {
    expect(() =>
      clientCredentials({
        environmentId: 'e',
        clientId: 'c',
        clientSecret: 's',
        authUrl: 'https://sso.example.com',
      }),
    ).not.toThrow();
  });

  describe('plain http', () => {
    it.each([
      'http://localhost:4000/v1',
      'http://api.localhost/v1',
      'http://127.0.0.1:4000/v1',
      'http://127.1.2.3/v1',
      'http://[::1]:4000/v1',
    ])('is allowed for the loopback host %s', (baseUrl) => {
      expect(createClient({ baseUrl }).config.baseUrl).toBe(baseUrl);
      expect(() =>
        clientCredentials({ environmentId: 'e', clientId: 'c', clientSecret: 's', authUrl: baseUrl }),
      ).not.toThrow();
    });

    it.each([
      'http://api.pingone.com/v1',
      'http://10.0.0.1/v1',
      'http://127.0.0.1.nip.io/v1',
      'http://localhost.example.com/v1',
      'http://[::2]/v1',
      'ftp://127.0.0.1/v1',
    ])('is refused for %s', (baseUrl) => {
      expect(() => createClient({ baseUrl })).toThrow(InvalidArgumentError);
      expect(() => createClient({ baseUrl })).toThrow(/baseUrl/);
      expect(() =>
        clientCredentials({ environmentId: 'e', clientId: 'c', clientSecret: 's', authUrl: baseUrl }),
      ).toThrow(/authUrl/);
    });
  });

  it('refuses a relative base URL and one with a query or fragment', () => {
    expect(() => createClient({ baseUrl: '/v1' })).toThrow(InvalidArgumentError);
    expect(() => createClient({ baseUrl: 'https://api.pingone.com/v1?x=1' })).toThrow(InvalidArgumentError);
    expect(() => createClient({ baseUrl: 'https://api.pingone.com/v1#x' })).toThrow(InvalidArgumentError);
  });
});

describe('issuerOf', () => {
  it('puts the environment under the region host or authUrl, encoded', () => {
    expect(issuerOf({ environmentId: 'env-1' })).toBe('https://auth.pingone.com/env-1/as');
    expect(issuerOf({ environmentId: 'env 1', region: 'EU' })).toBe('https://auth.pingone.eu/env%201/as');
    expect(issuerOf({ environmentId: 'env-1', authUrl: 'http://127.0.0.1:4000/' })).toBe(
      'http://127.0.0.1:4000/env-1/as',
    );
  });

  it('takes a custom-domain issuer as it is, without the environment', () => {
    expect(issuerOf({ issuer: 'https://auth.example.com/as/' })).toBe('https://auth.example.com/as');
    expect(issuerOf({ issuer: 'https://auth.example.com/as', environmentId: 'env-1' })).toBe(
      'https://auth.example.com/as',
    );
  });

  it('refuses an issuer with region or authUrl, a plain-http or blank issuer, and a missing environment', () => {
    expect(() => issuerOf({ issuer: 'https://auth.example.com/as', region: 'EU' })).toThrow(/Invalid region/);
    expect(() => issuerOf({ issuer: 'https://auth.example.com/as', authUrl: 'https://x.example' })).toThrow(
      /Invalid authUrl/,
    );
    expect(() => issuerOf({ issuer: 'http://auth.example.com/as' })).toThrow(/Invalid issuer: an https:/);
    expect(() => issuerOf({ issuer: ' ' })).toThrow('Invalid issuer: a non-blank string');
    expect(() => issuerOf({})).toThrow('Invalid environmentId: a non-blank string');
  });
});
