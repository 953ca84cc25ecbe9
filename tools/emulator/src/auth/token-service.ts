import { randomUUID } from 'node:crypto';
import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Caller } from '../behaviours/behaviour.js';
import type { SigningKeys } from './signing-keys.js';

/** PingOne's management API audience, as worker tokens of the NA region carry it. */
export const managementAudience = 'https://api.pingone.com';

/** What to put in an access token. */
export interface AccessTokenRequest {
  environmentId: string;
  clientId: string;
  /** `sub`: the client for client_credentials, the user for user grants. @default clientId */
  subject?: string;
  scope?: string;
  /** Further claims (for example `sid`, `nonce`) added by other grants. */
  claims?: JWTPayload;
  /** `iss`: the issuer of the host the token was asked for at. @default {authUrl}/{environmentId}/as */
  issuer?: string;
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

/**
 * Signs RS256 access tokens and verifies bearer tokens on the management API. A verified token is
 * remembered until it expires, so each token costs one signature check, not one per request.
 */
export class TokenService {
  readonly #keys: SigningKeys;
  readonly #authUrl: string;
  readonly #lifetimeSeconds: number;
  readonly #verified = new Map<string, { expiresAt: number; caller: Caller }>();
  readonly #customIssuers = new Set<string>();

  constructor(keys: SigningKeys, authUrl: string, lifetimeSeconds: number) {
    this.#keys = keys;
    this.#authUrl = authUrl;
    this.#lifetimeSeconds = lifetimeSeconds;
  }

  /** Trusts tokens of a custom domain's issuer on the management API too. */
  trustIssuer(issuer: string): void {
    this.#customIssuers.add(issuer);
  }

  /** `{authUrl}/{environmentId}/as`, as PingOne's issuer. */
  issuer(environmentId: string): string {
    return `${this.#authUrl}/${environmentId}/as`;
  }

  get lifetimeSeconds(): number {
    return this.#lifetimeSeconds;
  }

  async issueAccessToken(request: AccessTokenRequest): Promise<IssuedToken> {
    // Rounded up: from a rounded-down iat, a 1-second token could expire a moment after it was issued.
    const issuedAt = Math.ceil(Date.now() / 1000);
    const payload: JWTPayload = {
      client_id: request.clientId,
      env: request.environmentId,
      ...(request.scope ? { scope: request.scope } : {}),
      ...request.claims,
    };
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: this.#keys.kid, typ: 'JWT' })
      .setIssuer(request.issuer ?? this.issuer(request.environmentId))
      .setAudience([managementAudience])
      .setSubject(request.subject ?? request.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.#lifetimeSeconds)
      .setJti(randomUUID())
      .sign(this.#keys.privateKey);
    return { token, expiresIn: this.#lifetimeSeconds };
  }

  /** The caller of a valid, unexpired token signed by this emulator; undefined otherwise. */
  async verify(token: string): Promise<Caller | undefined> {
    const now = Date.now();
    const known = this.#verified.get(token);
    if (known) {
      if (known.expiresAt > now) return known.caller;
      this.#verified.delete(token);
      return undefined;
    }
    try {
      const { payload } = await jwtVerify(token, this.#keys.publicKey, { algorithms: ['RS256'] });
      if (
        typeof payload.iss !== 'string' ||
        !(payload.iss.startsWith(`${this.#authUrl}/`) || this.#customIssuers.has(payload.iss))
      )
        return undefined;
      if (typeof payload.exp !== 'number') return undefined;
      const caller: Caller = {
        clientId: String(payload.client_id ?? payload.sub),
        environmentId: String(payload.env),
      };
      // Bounded: tests issue few tokens, but a long-running CLI must not grow without end.
      if (this.#verified.size > 10_000) this.#verified.clear();
      this.#verified.set(token, { expiresAt: payload.exp * 1000, caller });
      return caller;
    } catch {
      return undefined;
    }
  }
}
