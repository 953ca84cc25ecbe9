import type { CallSettings, Client, RequestResult, RequestSettings, ResponseOf } from '../client-types.js';

/** How a generated operation describes its request: the spec's path, query, body and headers. */
export interface TDataShape {
  body?: unknown;
  headers?: unknown;
  path?: unknown;
  query?: unknown;
  url: string;
}

/** `environmentId` becomes optional in `path`: the client's value fills it. */
export type WithEnvironmentDefault<TPath> = TPath extends { environmentId: string }
  ? Omit<TPath, 'environmentId'> & { environmentId?: string }
  : TPath;

/** `true` when an object type has at least one required key. */
export type HasRequiredKeys<T> = object extends T ? false : true;

/** The `path` option of an operation, with `environmentId` optional (the client supplies it). */
export type PathOptions<TData extends TDataShape> = TData extends { path: infer TPath }
  ? HasRequiredKeys<WithEnvironmentDefault<TPath>> extends true
    ? { path: WithEnvironmentDefault<TPath> }
    : { path?: WithEnvironmentDefault<TPath> }
  : { path?: never };

/** Headers any call may add, e.g. `X-Ping-External-Transaction-ID`. */
export type ExtraHeaders = Record<string, string | undefined>;

/** The `headers` option of an operation: its declared headers plus any extra ones. */
export type HeaderOptions<TData extends TDataShape> = TData extends { headers: infer THeaders }
  ? { headers: THeaders & ExtraHeaders }
  : 'headers' extends keyof TData
    ? { headers?: NonNullable<TData['headers']> & ExtraHeaders }
    : { headers?: ExtraHeaders };

/**
 * The options object of a generated operation: the `client` to send with, its `path`, `query`, `body`
 * and `headers` as the spec types them, plus `signal`, `timeout`, `retry` and `redirect` for this call.
 */
export type OperationOptions<TData extends TDataShape> = Omit<TData, 'url' | 'path' | 'headers'> &
  PathOptions<TData> &
  HeaderOptions<TData> &
  RequestSettings &
  CallSettings & {
    /** The client from `createManagementClient`, `createAuthClient(…).client` or `createClient`. */
    client: Client;
  };

/** What a generated operation resolves to: the body of its success answer, decoded, and the answer. */
export type OperationResult<TResponses> = Promise<RequestResult<ResponseOf<TResponses>>>;
