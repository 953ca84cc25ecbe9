import { basicCredentials } from './basic-credentials.js';
import type {
  ClientAuthenticationMethod,
  ClientAuthenticationOptions,
  PrivateKeyInput,
} from './client-authentication-options.js';
import { InvalidArgumentError } from './errors.js';
import { optionalText, requireNumber, requireOneOf, requireText } from './internal/validate.js';

// `none` last: it is cut off where public clients are not allowed.
const methods: readonly ClientAuthenticationMethod[] = [
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
  'none',
];

/** Client authentication of one request: headers to add and form fields to merge into the body. */
export interface ClientAuthentication {
  headers: Record<string, string>;
  fields: Record<string, string>;
}

/** Checked credentials, ready to authenticate requests. */
export interface ClientAuthenticator {
  readonly method: ClientAuthenticationMethod;
  /** Builds the authentication of one request (a fresh assertion each time for the JWT methods). */
  authenticate(): Promise<ClientAuthentication>;
}

/** Where the authenticator sends its requests. */
export interface ClientAuthenticationTarget {
  issuer: string;
  /** Public clients (`none`) are allowed only where a grant works without a secret. */
  allowNone: boolean;
  /** Clock in milliseconds since the epoch. @default Date.now */
  now?: () => number;
}

/**
 * The one place that turns an application's credentials into client authentication. Everything is
 * checked here, before any request; the JWT signer (and jose with it) loads on the first assertion only,
 * so applications that authenticate with a secret never bundle or load it.
 */
export function createClientAuthenticator(
  options: ClientAuthenticationOptions,
  target: ClientAuthenticationTarget,
): ClientAuthenticator {
  const clientId = requireText(options.clientId, 'clientId');
  const clientSecret = optionalText(options.clientSecret, 'clientSecret');
  const { privateKey, authMethod } = options;
  const method =
    authMethod ??
    (clientSecret !== undefined
      ? 'client_secret_basic'
      : privateKey !== undefined
        ? 'private_key_jwt'
        : target.allowNone
          ? 'none'
          : undefined);
  // Checked before the method itself: with neither a secret nor a key, the secret is what is missing.
  if (method === undefined || (/^client_secret/.test(method) && clientSecret === undefined)) {
    throw new InvalidArgumentError(
      'clientSecret',
      "the application's secret (or a `privateKey` for private_key_jwt)",
    );
  }
  requireOneOf(method, target.allowNone ? methods : methods.slice(0, -1), 'authMethod');
  // A CryptoKey and a JWK are both objects; which one it is, and whether it is usable, the signer finds out.
  if (
    method === 'private_key_jwt' &&
    (typeof privateKey === 'string'
      ? privateKey.trim() === ''
      : !(privateKey && typeof privateKey === 'object'))
  ) {
    throw new InvalidArgumentError('privateKey', 'a PKCS#8 PEM, a private JWK or a CryptoKey');
  }
  const privateKeyId = optionalText(options.privateKeyId, 'privateKeyId');
  const audience = requireOneOf(
    options.assertionAudience ?? 'tokenEndpoint',
    ['tokenEndpoint', 'issuer'],
    'assertionAudience',
  );
  const lifetimeSeconds = requireNumber(options.assertionLifetimeSeconds ?? 60, 'assertionLifetimeSeconds', {
    minimum: 1,
    unit: 'seconds',
  });
  const hmac = method === 'client_secret_jwt';

  let sign: Promise<() => Promise<Record<string, string>>> | undefined;
  const assertionFields = async (): Promise<Record<string, string>> => {
    sign ??= import('./internal/client-assertion-signer.js')
      .then((module) =>
        module.createAssertionSigner({
          algorithm: hmac ? 'HS256' : 'RS256',
          key: (hmac ? clientSecret : privateKey) as PrivateKeyInput,
          keyId: privateKeyId,
          clientId,
          audience: audience === 'issuer' ? target.issuer : `${target.issuer}/token`,
          lifetimeSeconds,
          now: target.now ?? Date.now,
        }),
      )
      .catch((error: unknown) => {
        // A key that failed to load is not kept: the next request reports the problem again.
        sign = undefined;
        throw error;
      });
    return (await sign)();
  };

  return {
    method,
    async authenticate(): Promise<ClientAuthentication> {
      if (method === 'client_secret_basic') {
        return { headers: { authorization: basicCredentials(clientId, clientSecret as string) }, fields: {} };
      }
      return {
        headers: {},
        fields:
          method === 'client_secret_post'
            ? { client_id: clientId, client_secret: clientSecret as string }
            : method === 'none'
              ? { client_id: clientId }
              : await assertionFields(),
      };
    },
  };
}
