import type { IncomingHttpHeaders } from 'node:http';
import type { CollectionExtension } from '@pingone-sdk/openapi';
import type { OperationId } from '../generated/operation-ids.js';
import type { Reply } from '../http/reply.js';
import type { Operation } from '../spec/operation.js';
import type { Store } from '../state/store.js';
import type { QueryValues } from '../validation/request-validator.js';

/** Where the request's resource lives in the store, resolved from the URL. */
export interface ResourceLocation {
  /** Resolved path of the whole URL below `/v1` (`/environments/<id>/users/<id>`). */
  key: string;
  /** The collection the resource belongs to (`/environments/<id>/users`); for a collection, itself. */
  collectionKey: string | undefined;
  /** The item's id, for item operations. */
  itemId: string | undefined;
  /** Absolute URL of the resource (`http://127.0.0.1:<port>/v1/environments/...`). */
  href: string;
  /** Resolved path segments. */
  segments: readonly string[];
}

/** Services every behaviour may use; one per running emulator. */
export interface EmulatorServices {
  store: Store;
  /** Management base URL, ending in `/v1`. */
  apiUrl: string;
  /** Auth origin. */
  authUrl: string;
  /** The `x-pingone-collection` facts of the collection a list operation serves. */
  collection(listOperationId: OperationId): CollectionExtension | undefined;
}

/** The caller, from the verified access token. */
export interface Caller {
  clientId: string;
  /** The environment whose token endpoint issued the token. */
  environmentId: string;
}

/** Everything a behaviour knows about one request. The body is already validated against the spec. */
export interface BehaviourContext {
  readonly services: EmulatorServices;
  readonly store: Store;
  readonly operation: Operation;
  /** The operationId that handles the request: the action's when the Content-Type chose an action. */
  readonly operationId: string;
  /** The request's media type, lower-cased, without parameters. */
  readonly mediaType: string | undefined;
  /** Path parameters by name (`{ environmentId, userId }`). */
  readonly pathParameters: Readonly<Record<string, string>>;
  /** Query parameters the spec declares, coerced to their types. */
  readonly query: QueryValues;
  /** The parsed body (JSON) or raw bytes (other media types); read-only fields already dropped. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** The `Correlation-Id` this answer carries. */
  readonly correlationId: string;
  /** The `{environmentId}` of the URL, when it has one. */
  readonly environmentId: string | undefined;
  readonly location: ResourceLocation;
  /** Absolute URL of the request as received. */
  readonly requestUrl: string;
  readonly caller: Caller;
}

/** Answers one operation. Throw an `ApiError` to fail with PingOne's error body. */
export type Behaviour = (context: BehaviourContext) => Reply | Promise<Reply>;

/**
 * Behaviours of one resource family, keyed by the operationId they answer (`createUser`, or an
 * action's id such as `unlockUserAccount`). Keys are checked against the generated list of the spec's
 * operationIds, so a behaviour for an operation the spec does not have fails to compile.
 */
export type BehaviourFamily = Readonly<Partial<Record<OperationId, Behaviour>>>;
