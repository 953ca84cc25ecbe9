import type { CollectionExtension, JsonSchema, ParameterObject, ResponseObject } from '@pingone-sdk/openapi';

/**
 * Where an operation's data lives, inferred from its path:
 * - `collection`: the path ends in a literal and items live under it (`/environments/{id}/users`);
 * - `item`: the path ends in a parameter after a collection (`/environments/{id}/users/{userId}`);
 * - `singleton`: any other path (`/users/{userId}/password`, `/brandingSettings`), one value per URL.
 */
export type ResourceShape = 'collection' | 'item' | 'singleton';

/** What the generic behaviour does for an operation when no family behaviour overrides it. */
export type OperationKind =
  | 'list'
  | 'create'
  | 'read'
  | 'replace'
  | 'update'
  | 'delete'
  | 'singleton-read'
  | 'singleton-replace'
  | 'singleton-update'
  | 'singleton-delete'
  | 'action';

/** A request media type an operation accepts: its own, or an action's (`x-pingone-action`). */
export interface MediaTypeEntry {
  /** The operationId that handles this media type (the action's for actions). */
  operationId: string;
  /** The schema the body must satisfy, if any. */
  schema: JsonSchema | undefined;
  /** True for a media type marked `x-pingone-action`. */
  isAction: boolean;
  /** The success status of an action that declares its own. */
  status: number | undefined;
  /** An action's own responses, when it answers something other than its operation does. */
  responses?: Readonly<Record<string, ResponseObject>>;
}

/** An ancestor item the request's resource hangs from, which must exist (else 404). */
export interface AncestorCheck {
  /** Number of leading path segments forming the ancestor's collection path. */
  collectionLength: number;
  /** Index of the segment holding the ancestor's id. */
  idIndex: number;
  /** Singular noun for the 404 message, e.g. `user`. */
  noun: string;
}

/** One operation of a spec, preprocessed once at start so that requests only read it. */
export interface Operation {
  service: string;
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Path segments of the template; parameters keep their braces (`{userId}`). */
  segments: readonly string[];
  /** Names of path parameters, in segment order. */
  pathParameterNames: readonly string[];
  /** Parameters (path and query) merged from the path item and the operation. */
  parameters: readonly ParameterObject[];
  shape: ResourceShape;
  kind: OperationKind;
  successStatus: number;
  /** Last literal segment of the collection this operation works on (`users`), for per-collection rules. */
  collectionName: string | undefined;
  /** The collection's `x-pingone-collection` facts (unique fields, filters, limits, references). */
  collection: CollectionExtension | undefined;
  /** Key of the `_embedded` array in list answers, from the list response schema. */
  embeddedName: string | undefined;
  /** Largest `limit` the list accepts: the parameter's `maximum`, else the collection's `maximumLimit`. */
  maximumLimit: number | undefined;
  ancestors: readonly AncestorCheck[];
  /** Accepted request media types, lower-cased, without parameters. */
  mediaTypes: ReadonlyMap<string, MediaTypeEntry>;
  requestBodyRequired: boolean;
  /** Schema `default`s of a created resource's top-level fields (create operations only). */
  defaults: Readonly<Record<string, unknown>>;
  /** The spec's responses, by status, for checking answers. */
  responses: Readonly<Record<string, ResponseObject>>;
}
