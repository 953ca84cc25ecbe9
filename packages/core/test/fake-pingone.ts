import {
  type LoopbackServer,
  type RecordedRequest,
  realDelay,
  sendJson,
  startLoopbackServer,
} from './loopback-server.js';

/**
 * A minimal PingOne on one loopback server: an auth host (`POST /{environmentId}/as/token`, client
 * credentials grant, client_secret_basic or client_secret_post) and an API host under `/v1` that accepts
 * only live, unexpired tokens it issued. Tests tune its behaviour through `settings`.
 */

export const environmentId = 'admin-env';
export const clientId = 'worker-app';
export const clientSecret = 'Sup3r-Secr3t-Value/+=';

export interface FakePingOneSettings {
  /** `expires_in` of issued tokens, in seconds. */
  expiresIn: number;
  /** Milliseconds the token endpoint waits before answering. */
  tokenDelay: number;
  /** When set, the token endpoint answers this failure instead of a token. */
  tokenFailure: { status: number; body: unknown } | undefined;
  /** Forget every earlier token as soon as a new one is asked for (a strict server rolling its keys). */
  revokeOnTokenRequest: boolean;
  /** Milliseconds the API takes before it checks the token and answers. */
  apiDelay: number;
  /** Answer every API call 401, whatever the token. */
  refuseAllTokens: boolean;
}

export interface FakePingOne {
  readonly server: LoopbackServer;
  /** The auth host origin, for `clientCredentials({ authUrl })`. */
  readonly authUrl: string;
  /** The API base URL, for `createClient({ baseUrl })`. */
  readonly baseUrl: string;
  readonly settings: FakePingOneSettings;
  /** Requests to the token endpoint. */
  tokenRequests(): RecordedRequest[];
  /** Requests to the API. */
  apiRequests(): RecordedRequest[];
  /** Tokens issued so far, oldest first. */
  readonly issued: string[];
  /** API answers by status, e.g. `{ 200: 998, 401: 2 }`. */
  readonly apiStatuses: Record<number, number>;
  /** Makes a token unacceptable from now on. */
  revoke(token: string): void;
  /** Forgets requests, tokens and settings. */
  reset(): void;
  close(): Promise<void>;
}

const defaults: FakePingOneSettings = {
  expiresIn: 3600,
  tokenDelay: 0,
  tokenFailure: undefined,
  revokeOnTokenRequest: false,
  apiDelay: 0,
  refuseAllTokens: false,
};

function credentialsOf(request: RecordedRequest): { id: string | null; secret: string | null } {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Basic ')) {
    const [id = '', secret = ''] = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':');
    const decode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    return { id: decode(id), secret: decode(secret) };
  }
  const form = new URLSearchParams(request.body);
  return { id: form.get('client_id'), secret: form.get('client_secret') };
}

export async function startFakePingOne(): Promise<FakePingOne> {
  const settings: FakePingOneSettings = { ...defaults };
  const issued: string[] = [];
  const expiresAt = new Map<string, number>();
  const apiStatuses: Record<number, number> = {};
  const server = await startLoopbackServer(async (request, response) => {
    if (request.method === 'POST' && request.url === `/${environmentId}/as/token`) {
      if (settings.revokeOnTokenRequest) expiresAt.clear();
      if (settings.tokenDelay > 0) await realDelay(settings.tokenDelay);
      if (settings.tokenFailure) {
        return sendJson(response, settings.tokenFailure.status, settings.tokenFailure.body, {
          'correlation-id': 'corr-token',
        });
      }
      const form = new URLSearchParams(request.body);
      const { id, secret } = credentialsOf(request);
      if (form.get('grant_type') !== 'client_credentials' || id !== clientId || secret !== clientSecret) {
        return sendJson(response, 401, {
          error: 'invalid_client',
          error_description: 'Client authentication failed',
        });
      }
      const token = `access-token-${issued.length + 1}-${'x'.repeat(24)}`;
      issued.push(token);
      expiresAt.set(token, Date.now() + settings.expiresIn * 1000);
      return sendJson(response, 200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: settings.expiresIn,
      });
    }
    if (request.url.startsWith('/v1/')) {
      if (settings.apiDelay > 0) await realDelay(settings.apiDelay);
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      const expiry = expiresAt.get(token);
      const status = settings.refuseAllTokens || expiry === undefined || Date.now() >= expiry ? 401 : 200;
      apiStatuses[status] = (apiStatuses[status] ?? 0) + 1;
      if (status === 401) {
        return sendJson(response, 401, {
          id: 'e-401',
          code: 'INVALID_TOKEN',
          message: 'The request could not be completed. The access token is invalid.',
        });
      }
      return sendJson(response, 200, { id: 'user-1', path: request.url });
    }
    sendJson(response, 404, { code: 'NOT_FOUND', message: 'unknown route' });
  });
  return {
    server,
    authUrl: server.origin,
    baseUrl: `${server.origin}/v1`,
    settings,
    issued,
    apiStatuses,
    tokenRequests: () => server.requests.filter((request) => request.url.endsWith('/as/token')),
    apiRequests: () => server.requests.filter((request) => request.url.startsWith('/v1/')),
    revoke: (token) => {
      expiresAt.delete(token);
    },
    reset() {
      server.reset();
      Object.assign(settings, defaults);
      issued.length = 0;
      expiresAt.clear();
      for (const status of Object.keys(apiStatuses)) delete apiStatuses[Number(status)];
    },
    close: () => server.close(),
  };
}
