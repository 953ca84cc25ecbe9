import { isObject } from '@pingone-sdk/openapi';

/** One problem found in a flow, shaped as the spec's `DaVinciFlowLinterFinding`. */
export interface LintFinding {
  code: string;
  type: 'error' | 'warning';
  message: string;
  recommendation: string;
  flowId: string;
  nodeId?: string;
}

/** What the linter needs to know about the environment. */
export interface LintEnvironment {
  /** Connector ids of the catalogue. */
  connectors: ReadonlySet<string>;
  /** Connector instances by id, with the connector each configures. */
  instances: ReadonlyMap<string, string>;
}

/**
 * Checks a flow's drawing the way DaVinci's validation does for what the emulator can know (the
 * codes are the emulator's own):
 * 1. a node's `connectionId` must name an existing connector instance (error `connection-not-found`);
 * 2. a node's `connectorId` must be in the catalogue (error `connector-not-found`);
 * 3. that instance must configure that connector (error `connection-connector-mismatch`);
 * 4. an edge must join two nodes of the flow (error `edge-node-not-found`);
 * 5. in a flow of several nodes, a node no edge touches never runs (warning `node-disconnected`).
 */
export function lintFlow(graph: unknown, flowId: string, environment: LintEnvironment): LintFinding[] {
  const { nodes, edges } = elementsOf(graph);
  const findings: LintFinding[] = [];
  const nodeIds = new Set(nodes.map((node) => String(node.id)));
  const touched = new Set<string>();
  for (const edge of edges) {
    for (const end of [edge.source, edge.target]) {
      if (nodeIds.has(String(end))) touched.add(String(end));
      else
        findings.push({
          code: 'edge-node-not-found',
          type: 'error',
          message: `Edge ${String(edge.id)} leads to node ${String(end)}, which is not in the flow.`,
          recommendation: 'Remove the edge or draw the node it should join.',
          flowId,
        });
    }
  }
  for (const node of nodes) {
    const nodeId = String(node.id);
    const connectorId = typeof node.connectorId === 'string' ? node.connectorId : undefined;
    const connectionId = typeof node.connectionId === 'string' ? node.connectionId : undefined;
    if (connectorId !== undefined && !environment.connectors.has(connectorId)) {
      findings.push({
        code: 'connector-not-found',
        type: 'error',
        message: `Node ${nodeId} uses connector ${connectorId}, which DaVinci does not offer.`,
        recommendation: 'Pick a connector from the catalogue (listConnectors).',
        flowId,
        nodeId,
      });
    }
    if (connectionId !== undefined) {
      const configured = environment.instances.get(connectionId);
      if (configured === undefined) {
        findings.push({
          code: 'connection-not-found',
          type: 'error',
          message: `Node ${nodeId} runs through connector instance ${connectionId}, which does not exist.`,
          recommendation: 'Create the connector instance or point the node to an existing one.',
          flowId,
          nodeId,
        });
      } else if (connectorId !== undefined && configured !== connectorId) {
        findings.push({
          code: 'connection-connector-mismatch',
          type: 'error',
          message: `Node ${nodeId} uses connector ${connectorId}, but instance ${connectionId} configures ${configured}.`,
          recommendation: `Point the node to an instance of ${connectorId}.`,
          flowId,
          nodeId,
        });
      }
    }
    if (nodes.length > 1 && !touched.has(nodeId)) {
      findings.push({
        code: 'node-disconnected',
        type: 'warning',
        message: `Node ${nodeId} is not joined to any other node, so it never runs.`,
        recommendation: 'Join the node with an edge or remove it.',
        flowId,
        nodeId,
      });
    }
  }
  return findings;
}

/** The `data` of each node and edge of a drawing; anything malformed is skipped. */
export function elementsOf(graph: unknown): {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
} {
  const elements = isObject(graph) && isObject(graph.elements) ? graph.elements : {};
  const dataOf = (list: unknown) =>
    (Array.isArray(list) ? list : [])
      .map((element) => (isObject(element) && isObject(element.data) ? element.data : undefined))
      .filter((data): data is Record<string, unknown> => data !== undefined);
  return { nodes: dataOf(elements.nodes), edges: dataOf(elements.edges) };
}

/** A copy of the drawing with each finding on its node's `linterError` and all in `allLinterErrors`. */
export function annotate(graph: unknown, findings: readonly LintFinding[]): Record<string, unknown> {
  const copy: Record<string, unknown> = isObject(graph) ? structuredClone(graph) : {};
  const elements = isObject(copy.elements) ? copy.elements : undefined;
  for (const node of Array.isArray(elements?.nodes) ? elements.nodes : []) {
    if (!isObject(node) || !isObject(node.data)) continue;
    const nodeId = String(node.data.id);
    node.data.linterError = findings.filter((finding) => finding.nodeId === nodeId);
  }
  copy.allLinterErrors = [...findings];
  return copy;
}
