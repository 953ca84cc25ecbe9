import type { SeedAgreementConsent } from './behaviours/user-agreement-consents.js';
import type { SeedLinkedAccount } from './behaviours/user-linked-accounts.js';
import type { SentMessage } from './behaviours/user-messages.js';
import type { FaultOptions } from './faults/fault-options.js';
import type { ServerLimits } from './server/server-limits.js';

/**
 * A user to create before the emulator starts serving.
 *
 * @example
 * { username: 'ada', email: 'ada@example.com', name: { given: 'Ada' }, password: 'P4ssw0rd!' }
 */
export interface SeedUser {
  /** The user's id. @default a random UUID */
  id?: string;
  /** Unique within the environment (case-insensitively), as in PingOne. */
  username: string;
  /** The population the user belongs to. @default the environment's default population */
  population?: { id: string };
  /** A password the user can be checked against (`password.check`). @default none (status NO_PASSWORD) */
  password?: string;
  /** Accounts at external identity providers linked to the user (`listUserLinkedAccounts`). @default [] */
  linkedAccounts?: SeedLinkedAccount[];
  /** Agreements the user consented to (`listUserAgreementConsents`). @default [] */
  agreementConsents?: SeedAgreementConsent[];
  /** Any other attribute of a PingOne user (`email`, `name`, `enabled`, …). */
  [attribute: string]: unknown;
}

/**
 * A population to create before the emulator starts serving.
 *
 * @example
 * { name: 'Customers', description: 'People who buy things' }
 */
export interface SeedPopulation {
  /** The population's id. @default a random UUID */
  id?: string;
  /** Unique within the environment, as in PingOne. */
  name: string;
  /** Any other attribute of a PingOne population. */
  [attribute: string]: unknown;
}

/**
 * An OpenID Connect application to create before the emulator starts serving, with PingOne's
 * application attributes (`grantTypes`, `redirectUris`, `tokenEndpointAuthMethod`, `pkceEnforcement`,
 * `jwks` for private_key_jwt, `devicePollingInterval`, …). Its id is its OAuth `client_id`.
 *
 * @example
 * { id: 'web-app', clientSecret: 's3cret', grantTypes: ['AUTHORIZATION_CODE', 'REFRESH_TOKEN'], redirectUris: ['http://localhost:3000/callback'] }
 */
export interface SeedApplication {
  /** The application's id, used as OAuth `client_id`. @default a random UUID */
  id?: string;
  /** The secret for client_secret_basic, client_secret_post and client_secret_jwt. @default none */
  clientSecret?: string;
  /** Any attribute of a PingOne OpenID Connect application. */
  [attribute: string]: unknown;
}

/**
 * State the emulator holds before its first request: one environment with a worker application
 * (whose id is the OAuth client id), a default population, and optionally users and populations.
 *
 * @example
 * { clientSecret: 'test-secret', populations: [{ name: 'Staff' }], users: [{ username: 'ada' }] }
 */
export interface EmulatorSeed {
  /** The id of the environment the worker application lives in and is served. @default a random UUID */
  environmentId?: string;
  /** The environment's name. @default 'Emulator' */
  environmentName?: string;
  /** The worker application's id, used as OAuth `client_id`. @default a random UUID */
  clientId?: string;
  /** The worker application's secret. @default a random 48-character string */
  clientSecret?: string;
  /** The id of the environment's default population, where users without a population go. @default a random UUID */
  defaultPopulationId?: string;
  /** Extra populations, created in order after the default population. @default [] */
  populations?: SeedPopulation[];
  /** Users, created in order after the populations. @default [] */
  users?: SeedUser[];
  /** OpenID Connect applications besides the worker, for the user flows of the auth host. @default [] */
  applications?: SeedApplication[];
}

/**
 * How to start an emulator.
 *
 * @example
 * const emulator = await startEmulator({ seed: { clientSecret: 's3cret' }, faults: { latencyMs: 20 } });
 */
export interface EmulatorOptions {
  /** TCP port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /** State to create before serving. @default one environment, a default population and a worker application */
  seed?: EmulatorSeed;
  /** Faults to inject from the first request on; change them later with `setFaults()`. @default none */
  faults?: FaultOptions;
  /**
   * Also serve the seeded environment's auth host on a second loopback origin, as a PingOne custom
   * domain does: there `/as/token` (no environment in the path) is the environment's token endpoint, and
   * tokens asked for there carry the issuer `{origin}/as`. Read it from `customDomainIssuer`.
   * @default false
   * @example { customDomain: true }
   */
  customDomain?: boolean;
  /**
   * Lifetime of issued access tokens, in seconds (`expires_in`); each token's `exp` is at least this far
   * ahead, so a client that keeps it for `expires_in` never sends an expired one.
   * @default 3600
   * @example 1
   */
  tokenLifetimeSeconds?: number;
  /**
   * Limits against misbehaving clients: header, request and idle timeouts, and open connections.
   * @default { headersTimeoutMs: 10000, requestTimeoutMs: 30000, idleTimeoutMs: 30000, maxConnections: 10000 }
   * @example { headersTimeoutMs: 500, idleTimeoutMs: 1000 }
   */
  limits?: ServerLimits;
  /**
   * Directory holding the bundled specs (`<service>.json`).
   * @default the package's own `specs/` directory, bundled from the repository's spec/ when missing
   */
  specDirectory?: string;
  /**
   * Check every management answer against the spec's responses and answer 500 UNEXPECTED_ERROR
   * (naming the operation and the offending fields) when one does not match, so that a test relying
   * on an answer PingOne would never give fails where it is produced.
   * @default true under vitest (`VITEST` set) or when `PINGONE_EMULATOR_VALIDATE_RESPONSES=true`, else false
   * @example
   * const emulator = await startEmulator({ validateResponses: true });
   */
  validateResponses?: boolean;
}

/** A running emulator: where it listens, the seeded credentials, and its controls. */
export interface RunningEmulator {
  /** Base URL of the management API, ending in `/v1`, e.g. `http://127.0.0.1:41234/v1`. */
  apiUrl: string;
  /** Origin of the auth host; the token endpoint is `{authUrl}/{environmentId}/as/token`. */
  authUrl: string;
  /**
   * With `customDomain`: the issuer of the custom-domain origin, e.g. `http://127.0.0.1:41235/as`;
   * its endpoints are `{customDomainIssuer}/token`, `/jwks`, … Undefined otherwise.
   */
  customDomainIssuer: string | undefined;
  /** The seeded environment, where the worker application lives. */
  environmentId: string;
  /** The worker application's client id. */
  clientId: string;
  /** The worker application's client secret. */
  clientSecret: string;
  /** The environment's default population. */
  defaultPopulationId: string;
  /** Replaces the active faults; `undefined` or `{}` clears them. */
  setFaults(faults?: FaultOptions): void;
  /**
   * Messages PingOne would have emailed or texted (verification and recovery codes), oldest first:
   * nothing leaves the emulator, so tests read the codes here.
   */
  sentMessages(): readonly SentMessage[];
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}
