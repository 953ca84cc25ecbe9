import type { MediaTypeEntry, Operation } from '../spec/operation.js';
import type { Behaviour, BehaviourFamily } from './behaviour.js';
import { generic, genericBehaviour } from './generic.js';

/**
 * Finds the behaviour of a request: a family's behaviour registered under the handling operationId
 * (the action's, when the Content-Type chose one), else the generic behaviour of the operation's kind.
 */
export class BehaviourRegistry {
  readonly #byOperationId = new Map<string, Behaviour>();

  constructor(families: readonly BehaviourFamily[] = []) {
    for (const family of families) this.register(family);
  }

  /** Adds (or replaces) the behaviours of one family. */
  register(family: BehaviourFamily): void {
    for (const [operationId, behaviour] of Object.entries(family)) {
      if (behaviour) this.#byOperationId.set(operationId, behaviour);
    }
  }

  find(operation: Operation, entry: MediaTypeEntry | undefined): Behaviour {
    const own = this.#byOperationId.get(entry?.operationId ?? operation.operationId);
    if (own) return own;
    // An action chosen by media type must not fall back to its base operation's behaviour.
    if (entry?.isAction) {
      const status = entry.status ?? operation.successStatus;
      return (context) => generic.action(context, status);
    }
    return genericBehaviour(operation.kind);
  }
}
