/**
 * The public surface of @pingone-sdk/core, written the way users write it. Never run: tools/release
 * type-checks it against the build, and the copy from the last release tag must still compile against
 * the next build, or the release is major. Change it only together with a major changeset.
 */
import {
  AuthenticationError,
  apiUrlOf,
  authUrlOf,
  BadRequestError,
  type Client,
  type ClientConfig,
  type ClientCredentialsOptions,
  ConflictError,
  ConnectionError,
  clientCredentials,
  createClient,
  InvalidArgumentError,
  type ListOperation,
  NotFoundError,
  PermissionDeniedError,
  PingOneError,
  PingOneSdkError,
  paginate,
  RateLimitError,
  type Region,
  type RetryOptions,
  ServerError,
  staticToken,
  TimeoutError,
  type TokenProvider,
  version,
} from '@pingone-sdk/core';

const region: Region = 'EU';
const credentials: ClientCredentialsOptions = {
  environmentId: 'admin-environment',
  clientId: 'client',
  clientSecret: 'secret',
  region,
  authMethod: 'client_secret_post',
};
const retry: RetryOptions | false = false;
const config: ClientConfig = {
  region,
  environmentId: 'environment',
  token: clientCredentials(credentials),
  baseUrl: 'http://127.0.0.1:4000/v1',
  headers: { 'X-Ping-External-Transaction-ID': 'trace' },
  retry,
  timeout: 30_000,
};

export const client: Client = createClient(config);
export const withStringToken: Client = createClient({ token: 'token' });
export const provider: TokenProvider = staticToken(async () => 'token');
export const custom: TokenProvider = {
  getToken: async () => 'token',
  invalidate: (token: string) => void token,
};
export const hosts: [string, string, string] = [apiUrlOf('CA'), authUrlOf(), version];
export const baseUrl: string = client.config.baseUrl;
export const redirect = client.get({ url: '/environments', redirect: 'manual' });

interface User {
  id: string;
  username: string;
}
interface UserPage {
  _embedded?: { users?: User[] };
  _links?: { next?: { href: string } };
}
declare const listUsers: ListOperation<{ client: Client; query?: { limit?: number } }, UserPage>;

export async function everyUsername(signal: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  const users: unknown[] = [];
  for await (const user of paginate(listUsers, { client, query: { limit: 10 } })) users.push(user);
  for await (const page of paginate(listUsers, { client }).pages())
    names.push(String(page._embedded?.users?.length));
  const { data, response } = await client.get<{ 200: UserPage }>({ url: '/environments', signal });
  const status: number = response.status;
  return [...names, String(data._links?.next?.href), String(status)];
}

export function describe(error: unknown): string {
  if (error instanceof NotFoundError) return `not found: ${error.id ?? ''}`;
  if (error instanceof RateLimitError) return `retry after ${error.retryAfter ?? 0}`;
  if (
    error instanceof BadRequestError ||
    error instanceof AuthenticationError ||
    error instanceof PermissionDeniedError ||
    error instanceof ConflictError ||
    error instanceof ServerError
  ) {
    return `${error.status} ${error.code ?? ''}`;
  }
  if (error instanceof PingOneError) {
    const details: string[] = error.details.map((detail) => detail.message ?? '');
    return [error.message, error.correlationId ?? '', ...details].join(' ');
  }
  if (
    error instanceof ConnectionError ||
    error instanceof TimeoutError ||
    error instanceof InvalidArgumentError
  ) {
    return error.message;
  }
  return error instanceof PingOneSdkError ? error.name : 'unknown';
}
