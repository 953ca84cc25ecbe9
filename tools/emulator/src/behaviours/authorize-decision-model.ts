import type { PathPatternType } from './authorize-path-match.js';

/** What a decision is made from and what it answers; the rules are in authorize-decision-policy.ts. */
export type DecisionValue = 'PERMIT' | 'DENY' | 'NOT_APPLICABLE' | 'INDETERMINATE';

export interface OperationAccessControl {
  permission?: { id: string };
  group?: { groups: { id: string }[] };
  scope?: { matchType?: 'ANY' | 'ALL'; scopes: { id: string }[] };
}

export interface DeployedOperation {
  id: string;
  methods?: string[];
  paths: { pattern: string; type: PathPatternType }[];
  accessControl?: OperationAccessControl;
}

export interface DeployedServer {
  id: string;
  baseUrls: string[];
  operations: DeployedOperation[];
}

/** What the environment knows about the user and the servers' scopes. */
export interface DecisionFacts {
  /** Ids of the permissions the user holds through application roles (empty for an unknown user). */
  permissionsOf(userId: string): ReadonlySet<string>;
  /** Ids of the groups the user is a member of, directly or through nesting. */
  groupsOf(userId: string): ReadonlySet<string>;
  /** The name of a scope of the server's resource, or undefined when it has none with that id. */
  scopeName(server: DeployedServer, scopeId: string): string | undefined;
}

export interface PolicyOutcome {
  decision: DecisionValue;
  status: { code: 'OKAY' | 'MISSING_ATTRIBUTE' | 'TYPE_CONVERSION_ERROR'; message?: string };
  server?: DeployedServer;
  operation?: DeployedOperation;
}
