import type {
  DecisionFacts,
  DecisionValue,
  DeployedServer,
  OperationAccessControl,
  PolicyOutcome,
} from './authorize-decision-model.js';
import { type PathPatternType, pathBelow, pathMatches } from './authorize-path-match.js';

/**
 * How a decision endpoint decides on an API call, from the access control of the deployed API servers'
 * operations (what PingOne generates a policy from when an API server is deployed):
 * 1. The request's `parameters.method` and `parameters.url` name the call. Without either the answer is
 *    INDETERMINATE with status MISSING_ATTRIBUTE; a `url` that is not an absolute URL is INDETERMINATE
 *    with TYPE_CONVERSION_ERROR.
 * 2. The API server is the deployed one with a base URL the URL lies under (same origin, whole path
 *    segments); the longest base path wins. No such server: NOT_APPLICABLE.
 * 3. Its operation is one whose methods include the method (no methods: every method, compared without
 *    case) and one of whose paths matches the rest of the URL's path. An EXACT path match beats a
 *    PARAMETER one; otherwise the first operation created wins. No such operation: NOT_APPLICABLE.
 * 4. An operation without access control is PERMIT: it only needs a valid token, checked by the gateway.
 * 5. Every part of the access control given must hold: `permission`, held through one of the user's
 *    application roles; `group`, the user is a member (directly or through nested groups) of one of
 *    them; `scope`, the token's scopes (`parameters.scope`, space-separated or an array) hold ANY
 *    (the default) or ALL of the required scopes, by name.
 * 6. A permission or group requirement without `userContext.user.id` is INDETERMINATE with
 *    MISSING_ATTRIBUTE; a user the environment does not have holds nothing.
 * 7. Any requirement unmet: DENY; all met: PERMIT. PERMIT, DENY and NOT_APPLICABLE have status OKAY.
 */
export function decide(
  parameters: Record<string, unknown>,
  userId: string | undefined,
  servers: readonly DeployedServer[],
  facts: DecisionFacts,
): PolicyOutcome {
  const { method, url } = parameters;
  for (const [name, value] of [
    ['method', method],
    ['url', url],
  ] as const) {
    if (typeof value !== 'string' || value === '') return missing(`parameters.${name}`);
  }
  if (!URL.canParse(url as string)) {
    const message = 'parameters.url is not an absolute URL.';
    return { decision: 'INDETERMINATE', status: { code: 'TYPE_CONVERSION_ERROR', message } };
  }
  const target = new URL(url as string);
  let best: { server: DeployedServer; path: string } | undefined;
  for (const server of servers) {
    for (const baseUrl of server.baseUrls) {
      const path = pathBelow(baseUrl, target);
      if (path !== undefined && (!best || path.length < best.path.length)) best = { server, path };
    }
  }
  if (!best) return { decision: 'NOT_APPLICABLE', status: okay };
  const { server, path } = best;
  const verb = (method as string).toUpperCase();
  const candidates = server.operations.filter(
    (operation) => !operation.methods?.length || operation.methods.some((m) => m.toUpperCase() === verb),
  );
  const matchesBy = (types: PathPatternType[]) =>
    candidates.find((operation) =>
      operation.paths.some(
        (entry) => types.includes(entry.type) && pathMatches(entry.pattern, entry.type, path),
      ),
    );
  const operation = matchesBy(['EXACT']) ?? matchesBy(['PARAMETER']);
  if (!operation) return { decision: 'NOT_APPLICABLE', status: okay, server };
  const granted = (decision: DecisionValue): PolicyOutcome => ({ decision, status: okay, server, operation });
  const control = operation.accessControl ?? {};
  if ((control.permission || control.group) && userId === undefined) {
    return { ...missing('userContext.user.id'), server, operation };
  }
  if (control.permission && !facts.permissionsOf(userId as string).has(control.permission.id)) {
    return granted('DENY');
  }
  if (control.group) {
    const groups = facts.groupsOf(userId as string);
    if (!control.group.groups.some((group) => groups.has(group.id))) return granted('DENY');
  }
  if (control.scope && !scopesHeld(control.scope, tokenScopes(parameters.scope), server, facts)) {
    return granted('DENY');
  }
  return granted('PERMIT');
}

function scopesHeld(
  rule: NonNullable<OperationAccessControl['scope']>,
  held: ReadonlySet<string>,
  server: DeployedServer,
  facts: DecisionFacts,
): boolean {
  const has = (scope: { id: string }) => {
    const name = facts.scopeName(server, scope.id);
    return name !== undefined && held.has(name);
  };
  return rule.matchType === 'ALL' ? rule.scopes.every(has) : rule.scopes.some(has);
}

function tokenScopes(value: unknown): ReadonlySet<string> {
  if (typeof value === 'string') return new Set(value.split(' ').filter(Boolean));
  if (Array.isArray(value)) return new Set(value.filter((item) => typeof item === 'string'));
  return new Set();
}

const okay = { code: 'OKAY' } as const;

function missing(attribute: string): PolicyOutcome {
  return {
    decision: 'INDETERMINATE',
    status: { code: 'MISSING_ATTRIBUTE', message: `${attribute} is required.` },
  };
}
