/**
 * PingOne picks some actions by the request's Content-Type on a URL another operation also uses
 * (PUT …/password sets, resets or force-changes a password depending on the media type). OpenAPI allows
 * one operation per method and path, so the curated spec lists the extra actions in `x-pingone-actions`
 * on the base operation. Here each action becomes an operation of its own, under the path key
 * `<path>#<operationId>`: the generated function then sends exactly that Content-Type, and the core
 * drops the `#…` suffix when it builds the request URL.
 */

type JsonObject = Record<string, unknown>;

/** One entry of `x-pingone-actions`. */
export interface PingOneAction {
  operationId: string;
  summary: string;
  description?: string;
  contentType: string;
  schema: JsonObject;
  /** True for actions that take no input: only the Content-Type says what to do. */
  emptyBody?: boolean;
  /** The success status, when it differs from the base operation's. */
  status?: number | string;
  responses?: JsonObject;
}

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;

function successResponses(base: JsonObject, action: PingOneAction): JsonObject {
  if (action.responses) return action.responses;
  const responses = (base.responses ?? {}) as JsonObject;
  if (action.status === undefined) return responses;
  const success = Object.entries(responses).find(([status]) => status.startsWith('2'));
  const rest = Object.fromEntries(Object.entries(responses).filter(([status]) => !status.startsWith('2')));
  return { [String(action.status)]: success?.[1] ?? { description: 'Success.' }, ...rest };
}

/** Returns a copy of a bundled document in which every `x-pingone-actions` entry is its own operation. */
export function expandActions(document: JsonObject): JsonObject {
  const paths = (document.paths ?? {}) as Record<string, JsonObject>;
  const expanded: Record<string, JsonObject> = {};
  for (const [path, pathItem] of Object.entries(paths)) {
    const baseItem: JsonObject = { ...pathItem };
    expanded[path] = baseItem;
    for (const method of methods) {
      const operation = pathItem[method] as JsonObject | undefined;
      const actions = operation?.['x-pingone-actions'] as PingOneAction[] | undefined;
      if (!operation || !actions) continue;
      const { 'x-pingone-actions': _actions, ...baseOperation } = operation;
      const claimed = new Set(actions.map((action) => action.contentType));
      const requestBody = baseOperation.requestBody as { content?: JsonObject } | undefined;
      if (requestBody?.content) {
        const ownContent = Object.fromEntries(
          Object.entries(requestBody.content).filter(([type]) => !claimed.has(type)),
        );
        baseOperation.requestBody = { ...requestBody, content: ownContent };
      }
      baseItem[method] = baseOperation;
      for (const action of actions) {
        const { parameters, servers } = pathItem;
        expanded[`${path}#${action.operationId}`] = {
          ...(parameters ? { parameters } : {}),
          ...(servers ? { servers } : {}),
          [method]: {
            operationId: action.operationId,
            summary: action.summary,
            ...(action.description ? { description: action.description } : {}),
            ...(baseOperation.tags ? { tags: baseOperation.tags } : {}),
            ...(baseOperation.parameters ? { parameters: baseOperation.parameters } : {}),
            requestBody: {
              required: !action.emptyBody,
              content: { [action.contentType]: { schema: action.schema } },
            },
            responses: successResponses(baseOperation, action),
          },
        };
      }
    }
  }
  return { ...document, paths: expanded };
}
