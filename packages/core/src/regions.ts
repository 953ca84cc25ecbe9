import { InvalidArgumentError } from './errors.js';
import { requireOneOf, requireText } from './internal/validate.js';

/**
 * PingOne's regions. Each serves the management API at `https://api.pingone.{tld}/v1` and the auth
 * server at `https://auth.pingone.{tld}`.
 */
export type Region = 'NA' | 'EU' | 'CA' | 'AU' | 'SG' | 'AP';

const topLevelDomains: Record<Region, string> = {
  NA: 'com',
  EU: 'eu',
  CA: 'ca',
  AU: 'com.au',
  SG: 'sg',
  AP: 'asia',
};

/** The region used when none is given. */
export const defaultRegion: Region = 'NA';

/** `https://{host}.pingone.{tld}` of a region. */
function originOf(host: 'api' | 'auth', region: Region): string {
  const known = requireOneOf(region, Object.keys(topLevelDomains) as Region[], 'region');
  return `https://${host}.pingone.${topLevelDomains[known]}`;
}

/** The management API base URL of a region, e.g. `https://api.pingone.eu/v1`. */
export function apiUrlOf(region: Region = defaultRegion): string {
  return `${originOf('api', region)}/v1`;
}

/** The auth server origin of a region, e.g. `https://auth.pingone.eu`. */
export function authUrlOf(region: Region = defaultRegion): string {
  return originOf('auth', region);
}

/**
 * Checks a user-supplied base URL and returns it without a trailing slash. Plain `http://` is accepted
 * only for loopback hosts (the emulator, a local proxy): anything else would send tokens in clear text.
 */
export function checkBaseUrl(value: unknown, parameter: string): string {
  let url: URL | undefined;
  try {
    url = new URL(requireText(value, parameter));
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
  }
  const loopback = /^(?:(?:.+\.)?localhost|\[::1\]|127(?:\.\d{1,3}){3})$/.test(url?.hostname ?? '');
  if (
    !url ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) ||
    url.search ||
    url.hash
  ) {
    throw new InvalidArgumentError(
      parameter,
      'an https:// URL (http:// for loopback hosts) without query or fragment',
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Where an environment's authorization server lives: a region or auth host plus the environment, or an issuer. */
export interface AuthServerLocation {
  region?: Region | undefined;
  authUrl?: string | undefined;
  issuer?: string | undefined;
  environmentId?: string | undefined;
}

/**
 * The issuer of an environment's tokens, from which every auth endpoint follows (`{issuer}/token`, …):
 * `{authUrl}/{environmentId}/as` on PingOne's hosts, or the given `issuer` as it is, which a custom
 * domain needs (`https://auth.example.com/as`). An issuer cannot be combined with `region` or `authUrl`:
 * one of them would be silently ignored.
 */
export function issuerOf(location: AuthServerLocation): string {
  if (location.issuer !== undefined) {
    for (const conflicting of ['region', 'authUrl'] as const) {
      if (location[conflicting] !== undefined) {
        throw new InvalidArgumentError(conflicting, 'left out when `issuer` is given (it names the host)');
      }
    }
    return checkBaseUrl(location.issuer, 'issuer');
  }
  const environmentId = requireText(location.environmentId, 'environmentId');
  const authUrl =
    location.authUrl === undefined ? authUrlOf(location.region) : checkBaseUrl(location.authUrl, 'authUrl');
  return `${authUrl}/${encodeURIComponent(environmentId)}/as`;
}
