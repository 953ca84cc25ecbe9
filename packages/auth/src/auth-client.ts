import type { Client, ClientAuthenticationMethod } from '@pingone-sdk/core';

/** The URLs of one environment's authorization server. */
export interface AuthEndpoints {
  authorize: string;
  token: string;
  pushedAuthorization: string;
  deviceAuthorization: string;
  backchannelAuthentication: string;
  introspection: string;
  revocation: string;
  userInfo: string;
  jwks: string;
  signOff: string;
  openIdConfiguration: string;
}

/**
 * An application's connection to one environment's authorization server, made by `createAuthClient`.
 * Pass it as `client` to every function of this package. It holds no secret in any property: the
 * client secret and private key stay inside the SDK, out of `JSON.stringify` and `util.inspect`.
 */
export interface AuthClient {
  /** The environment whose authorization server this client talks to; undefined with only an `issuer`. */
  readonly environmentId: string | undefined;
  /** The application's client id. */
  readonly clientId: string;
  /** How the application authenticates at the token, introspection, revocation, PAR and device endpoints. */
  readonly authMethod: ClientAuthenticationMethod;
  /** The auth host's origin, e.g. `https://auth.pingone.eu`, the emulator's `authUrl` or a custom domain. */
  readonly authUrl: string;
  /** The issuer every token carries as `iss`: `{authUrl}/{environmentId}/as`, or the custom domain's. */
  readonly issuer: string;
  /** The server's endpoints. */
  readonly endpoints: Readonly<AuthEndpoints>;
  /**
   * The HTTP client the generated auth operations (`requestToken`, `requestJwks`, …) run on. Their
   * paths hold the environment (`/{environmentId}/as/…`), so on a custom domain use this package's
   * functions, which follow `endpoints`.
   */
  readonly http: Client;
}
