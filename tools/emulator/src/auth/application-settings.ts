import type { JWK } from 'jose';
import type { Store } from '../state/store.js';
import { applicationsKey } from './oauth-clients.js';

/** The OpenID Connect settings of an application that the emulator's user flows honour. */
export interface ApplicationSettings {
  clientId: string;
  /** `CLIENT_SECRET_BASIC`, `CLIENT_SECRET_POST`, `CLIENT_SECRET_JWT`, `PRIVATE_KEY_JWT` or `NONE`. */
  tokenEndpointAuthMethod: string;
  grantTypes: readonly string[];
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
  /** `OPTIONAL`, `REQUIRED` or `S256_REQUIRED`. */
  pkceEnforcement: string;
  /** Public keys for `PRIVATE_KEY_JWT`. */
  jwks: { keys: JWK[] } | undefined;
  devicePollingInterval: number;
  deviceTimeout: number;
  parTimeout: number;
  refreshTokenDuration: number;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
const number = (value: unknown, fallback: number): number =>
  typeof value === 'number' && value > 0 ? value : fallback;

/** Reads an application's settings, with PingOne's defaults where the application leaves them out. */
export function applicationSettings(
  store: Store,
  environmentId: string,
  clientId: string,
): ApplicationSettings | undefined {
  const application = store.getItem(applicationsKey(environmentId), clientId);
  if (!application || application.enabled === false) return undefined;
  const jwks = application.jwks;
  return {
    clientId,
    tokenEndpointAuthMethod:
      typeof application.tokenEndpointAuthMethod === 'string'
        ? application.tokenEndpointAuthMethod
        : 'CLIENT_SECRET_BASIC',
    grantTypes: strings(application.grantTypes),
    redirectUris: strings(application.redirectUris),
    postLogoutRedirectUris: strings(application.postLogoutRedirectUris),
    pkceEnforcement:
      typeof application.pkceEnforcement === 'string' ? application.pkceEnforcement : 'OPTIONAL',
    jwks:
      jwks && typeof jwks === 'object' && Array.isArray((jwks as { keys?: unknown }).keys)
        ? (jwks as { keys: JWK[] })
        : undefined,
    devicePollingInterval: number(application.devicePollingInterval, 5),
    deviceTimeout: number(application.deviceTimeout, 600),
    parTimeout: number(application.parTimeout, 60),
    refreshTokenDuration: number(application.refreshTokenDuration, 2_592_000),
  };
}
