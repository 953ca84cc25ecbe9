import type { Store } from '../state/store.js';

/** What a sign-on flow waits for, as the flows API reports it in `status`. */
export type FlowStatus = 'USERNAME_PASSWORD_REQUIRED' | 'VERIFICATION_CODE_REQUIRED' | 'COMPLETED';

/** A started authorization and its sign-on flow, until the authorization resumes with a code. */
export interface PendingAuthorization {
  flowId: string;
  status: FlowStatus;
  /** The user whose credentials were checked, from then on. */
  userId: string | undefined;
  /** Set as the `ST` cookie when the flow completes; resuming requires it back. */
  sessionToken: string | undefined;
  environmentId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  loginHint: string | undefined;
  expiresAt: number;
}

/** What a signed-on user's grant carries into the tokens. */
export interface UserGrant {
  environmentId: string;
  clientId: string;
  userId: string;
  scope: string;
  nonce: string | undefined;
  /** When the user signed on, in seconds since the epoch. */
  authTime: number;
  sessionId: string;
}

/** An authorization code, valid once for 10 minutes, as PingOne's. */
export interface AuthorizationCode extends UserGrant {
  redirectUri: string;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  expiresAt: number;
}

/** A refresh token; rotation replaces it with a new one on every use. */
export interface RefreshTokenRecord extends UserGrant {
  expiresAt: number;
}

/** A device authorization (RFC 8628) and where its user is. */
export interface DeviceAuthorizationRecord {
  deviceCode: string;
  userCode: string;
  environmentId: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  /** Seconds between polls; grows by 5 on every `slow_down`. */
  interval: number;
  lastPolledAt: number | undefined;
  status: 'pending' | 'approved' | 'denied';
  userId: string | undefined;
  authTime: number | undefined;
}

/** A pushed authorization request (RFC 9126), usable once until it expires. */
export interface PushedRequest {
  clientId: string;
  parameters: URLSearchParams;
  expiresAt: number;
}

/** Everything the emulator's user flows remember, per emulator (per store). */
export interface FlowState {
  pending: Map<string, PendingAuthorization>;
  codes: Map<string, AuthorizationCode>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  devices: Map<string, DeviceAuthorizationRecord>;
  pushed: Map<string, PushedRequest>;
  /** `jti`s of revoked access tokens. */
  revokedAccessTokens: Set<string>;
  /** `jti`s of client assertions already used, against replay. */
  usedAssertions: Map<string, number>;
}

const states = new WeakMap<Store, FlowState>();

/** The flow state of the emulator that owns `store`, created on first use. */
export function flowStateOf(store: Store): FlowState {
  let state = states.get(store);
  if (!state) {
    state = {
      pending: new Map(),
      codes: new Map(),
      refreshTokens: new Map(),
      devices: new Map(),
      pushed: new Map(),
      revokedAccessTokens: new Set(),
      usedAssertions: new Map(),
    };
    states.set(store, state);
  }
  return state;
}
