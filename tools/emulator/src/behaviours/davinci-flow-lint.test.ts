import { describe, expect, it } from 'vitest';
import { annotate, lintFlow } from './davinci-flow-lint.js';

const environment = {
  connectors: new Set(['httpConnector', 'errorConnector']),
  instances: new Map([['http-1', 'httpConnector']]),
};
const node = (id: string, data: Record<string, unknown> = {}) => ({
  data: { id, nodeType: 'CONNECTION', ...data },
});
const edge = (id: string, source: string, target: string) => ({ data: { id, source, target } });

describe('lintFlow', () => {
  it('finds nothing in a joined drawing of known connectors and instances', () => {
    const graph = {
      elements: {
        nodes: [
          node('a', { connectorId: 'httpConnector', connectionId: 'http-1' }),
          node('b', { connectorId: 'errorConnector' }),
        ],
        edges: [edge('e', 'a', 'b')],
      },
    };
    expect(lintFlow(graph, 'f', environment)).toEqual([]);
  });

  it('reports each rule with its code, kind and node', () => {
    const graph = {
      elements: {
        nodes: [
          node('missing', { connectorId: 'httpConnector', connectionId: 'gone' }),
          node('unknown', { connectorId: 'faxConnector' }),
          node('mismatch', { connectorId: 'errorConnector', connectionId: 'http-1' }),
          node('alone'),
        ],
        edges: [
          edge('e1', 'missing', 'unknown'),
          edge('e2', 'unknown', 'mismatch'),
          edge('e3', 'mismatch', 'nowhere'),
        ],
      },
    };
    const findings = lintFlow(graph, 'f', environment);
    expect(findings.map((finding) => [finding.code, finding.type, finding.nodeId])).toEqual([
      ['edge-node-not-found', 'error', undefined],
      ['connection-not-found', 'error', 'missing'],
      ['connector-not-found', 'error', 'unknown'],
      ['connection-connector-mismatch', 'error', 'mismatch'],
      ['node-disconnected', 'warning', 'alone'],
    ]);
    expect(findings.every((finding) => finding.flowId === 'f' && finding.recommendation.length > 0)).toBe(
      true,
    );
  });

  it('does not call a lone node disconnected, and skips malformed elements', () => {
    expect(lintFlow({ elements: { nodes: [node('only'), 'junk', { data: 3 }] } }, 'f', environment)).toEqual(
      [],
    );
    expect(lintFlow(undefined, 'f', environment)).toEqual([]);
  });

  it('annotates a copy: findings on their nodes and all of them at the top', () => {
    const graph = { elements: { nodes: [node('a'), node('b')] } };
    const findings = lintFlow(graph, 'f', environment);
    const annotated = annotate(graph, findings) as {
      elements: { nodes: { data: { linterError: unknown[] } }[] };
      allLinterErrors: unknown[];
    };
    expect(annotated.allLinterErrors).toHaveLength(2);
    expect(annotated.elements.nodes[0]?.data.linterError).toEqual([findings[0]]);
    expect(graph.elements.nodes[0]?.data).not.toHaveProperty('linterError');
  });
});
