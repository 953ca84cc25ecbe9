import { notFound } from '../http/api-error.js';
import type { Behaviour, BehaviourContext, BehaviourFamily } from './behaviour.js';

/**
 * MFA devices hang from users and push credentials from applications, which the management spec
 * defines; the emulator checks ancestors only within one spec, so the MFA family checks these owners
 * itself: an unknown user or application answers 404, as PingOne does.
 */
const owners = [
  { parameter: 'userId', collection: 'users', noun: 'user' },
  { parameter: 'applicationId', collection: 'applications', noun: 'application' },
] as const;

/** The family with every behaviour preceded by the owner check. */
export function checkingOwners(family: BehaviourFamily): BehaviourFamily {
  const checked: Record<string, Behaviour> = {};
  for (const [operationId, behaviour] of Object.entries(family)) {
    if (behaviour)
      checked[operationId] = (context) => {
        requireOwners(context);
        return behaviour(context);
      };
  }
  return checked as BehaviourFamily;
}

function requireOwners(context: BehaviourContext): void {
  for (const { parameter, collection, noun } of owners) {
    const id = context.pathParameters[parameter];
    if (id === undefined) continue;
    const collectionKey = `/environments/${context.environmentId ?? ''}/${collection}`;
    if (!context.store.getItem(collectionKey, id)) throw notFound(`Unable to find ${noun} with ID ${id}.`);
  }
}
