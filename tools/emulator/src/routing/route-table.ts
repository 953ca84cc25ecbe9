import type { Operation } from '../spec/operation.js';

/** The operations of one path template, by method. */
export interface Route {
  pathTemplate: string;
  operations: Map<string, Operation>;
  /** Value of the `Allow` header for 405 answers. */
  allow: string;
}

/** A matched route and the raw values of its path parameters, in segment order. */
export interface RouteMatch {
  route: Route;
  values: string[];
}

interface Node {
  literals: Map<string, Node>;
  parameter: Node | undefined;
  route: Route | undefined;
}

function createNode(): Node {
  return { literals: new Map(), parameter: undefined, route: undefined };
}

/**
 * Path templates compiled into a segment trie once at start: a request walks it segment by segment,
 * preferring literal segments over parameters, backtracking when a literal branch dead-ends.
 */
export class RouteTable {
  readonly #root = createNode();

  add(operation: Operation): void {
    let node = this.#root;
    for (const segment of operation.segments) {
      if (segment.startsWith('{')) {
        node.parameter ??= createNode();
        node = node.parameter;
      } else {
        let next = node.literals.get(segment);
        if (!next) {
          next = createNode();
          node.literals.set(segment, next);
        }
        node = next;
      }
    }
    node.route ??= { pathTemplate: operation.pathTemplate, operations: new Map(), allow: '' };
    // The first operation registered for a method wins; a duplicate template is a spec mistake.
    if (!node.route.operations.has(operation.method)) node.route.operations.set(operation.method, operation);
    node.route.allow = [...node.route.operations.keys()].join(', ');
  }

  /** Matches a path already split into decoded segments. */
  match(segments: readonly string[]): RouteMatch | undefined {
    const values: string[] = [];
    const route = this.#walk(this.#root, segments, 0, values);
    return route ? { route, values } : undefined;
  }

  #walk(node: Node, segments: readonly string[], index: number, values: string[]): Route | undefined {
    if (index === segments.length) return node.route;
    const segment = segments[index] ?? '';
    const literal = node.literals.get(segment);
    if (literal) {
      const route = this.#walk(literal, segments, index + 1, values);
      if (route) return route;
    }
    if (node.parameter && segment.length > 0) {
      values.push(segment);
      const route = this.#walk(node.parameter, segments, index + 1, values);
      if (route) return route;
      values.pop();
    }
    return undefined;
  }
}
