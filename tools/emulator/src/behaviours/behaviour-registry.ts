import { signatureOf } from '../spec/build-operations.js';
import type { MediaTypeEntry, Operation } from '../spec/operation.js';
import type { Behaviour, BehaviourFamily } from './behaviour.js';
import { generic, genericBehaviour } from './generic.js';

/**
 * Finds the behaviour of a request: a family's behaviour registered under the handling operationId,
 * else under the operation's signature with the request's media type, else under the bare signature,
 * else the generic behaviour of the operation's kind.
 */
export class BehaviourRegistry {
  readonly #byKey = new Map<string, Behaviour>();

  constructor(families: readonly BehaviourFamily[] = []) {
    for (const family of families) this.register(family);
  }

  /** Adds (or replaces) the behaviours of one family. */
  register(family: BehaviourFamily): void {
    for (const [key, behaviour] of Object.entries(family)) this.#byKey.set(normalizeKey(key), behaviour);
  }

  find(operation: Operation, entry: MediaTypeEntry | undefined, mediaType: string | undefined): Behaviour {
    const own =
      this.#byKey.get(entry?.operationId ?? operation.operationId) ??
      (mediaType ? this.#byKey.get(`${operation.signature} ${mediaType}`) : undefined);
    if (own) return own;
    // An action chosen by media type must not fall back to its base operation's behaviour.
    if (entry?.isAction) {
      const status = entry.status ?? operation.successStatus;
      return (context) => generic.action(context, status);
    }
    return this.#byKey.get(operation.signature) ?? genericBehaviour(operation.kind);
  }
}

/** Signatures may be written with parameter names (`{userId}`); operationIds pass through. */
function normalizeKey(key: string): string {
  const match = /^([A-Z]+) (\/\S*)(?: (\S+))?$/.exec(key);
  if (!match) return key;
  return signatureOf(match[1] ?? '', match[2] ?? '', match[3]);
}
