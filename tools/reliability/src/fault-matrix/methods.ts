import { type Client, clientCredentials, type Logger, paginate } from '@pingone-sdk/core';
import {
  createManagementClient,
  createUser,
  deleteUser,
  getUser,
  listUsers,
  replaceUser,
  updateUser,
} from '@pingone-sdk/management';
import {
  clientId,
  clientSecret,
  deletableUserId,
  environmentId,
  type FaultRoute,
  populationId,
  userId,
} from './fault-server.js';

/** The calls of the matrix: five HTTP methods, a paginated listing, and the token request itself. */
export type MethodName = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'paginate' | 'token';

export const methodNames: readonly MethodName[] = [
  'GET',
  'POST',
  'PATCH',
  'PUT',
  'DELETE',
  'paginate',
  'token',
];

/** Limits small enough that the whole matrix runs in seconds, and fixed so that bounds can be stated. */
export const limits = {
  /** Per attempt, for API calls and the token request alike. */
  timeout: 2500,
  /** Longest Retry-After honoured on API calls (the token request is capped by its timeout). */
  maxRetryAfter: 1200,
  /** Retries after the first attempt. */
  retries: 2,
} as const;

/** POST and PATCH may have changed something when they fail; the token request is a POST too. */
export function sendsOnce(method: MethodName): boolean {
  return method === 'POST' || method === 'PATCH' || method === 'token';
}

/** The request of each call that the fault hits. */
export function faultRouteOf(method: MethodName): FaultRoute {
  switch (method) {
    case 'token':
      return 'token';
    case 'POST':
      return 'users';
    case 'paginate':
      // The second page: the fault strikes in the middle of an iteration.
      return 'next-page';
    default:
      return 'user';
  }
}

export interface CallSetup {
  apiUrl: string;
  authUrl: string;
  logger: Logger;
  /** Sees every attempt, to count them where the server cannot (the emulator). */
  fetch?: typeof globalThis.fetch;
}

/** Makes one call of the given kind through the public API and resolves to what the caller would see. */
export async function callWith(method: MethodName, setup: CallSetup): Promise<unknown> {
  const client: Client = createManagementClient({
    baseUrl: setup.apiUrl,
    environmentId,
    logger: setup.logger,
    ...(setup.fetch && { fetch: setup.fetch }),
    timeout: limits.timeout,
    retry: { limit: limits.retries, maxRetryAfter: limits.maxRetryAfter, delay: () => 20 },
    token: clientCredentials({
      environmentId,
      clientId,
      clientSecret,
      authUrl: setup.authUrl,
      // The secret in the body, where a followed redirect would carry it: the riskier of the two methods.
      authMethod: 'client_secret_post',
      ...(setup.fetch && { fetch: setup.fetch }),
      timeout: limits.timeout,
    }),
  });
  const path = { userId };
  switch (method) {
    case 'GET':
    case 'token':
      return (await getUser({ client, path })).data;
    case 'POST':
      return (
        await createUser({
          client,
          body: { username: 'grace', email: 'grace@example.com', population: { id: populationId } },
        })
      ).data;
    case 'PATCH':
      return (await updateUser({ client, path, body: { nickname: 'Ada' } })).data;
    case 'PUT':
      return (await replaceUser({ client, path, body: { username: 'ada', email: 'ada@example.com' } })).data;
    case 'DELETE':
      return (await deleteUser({ client, path: { userId: deletableUserId } })).data;
    case 'paginate': {
      const items: unknown[] = [];
      for await (const item of paginate(listUsers, { client })) items.push(item);
      return items;
    }
  }
}
