import type { BehaviourFamily } from './behaviour.js';
import { userBehaviours } from './users.js';

/**
 * Every family that needs more than the generic behaviour. To add one, write
 * `src/behaviours/<family>.ts` exporting a {@link BehaviourFamily} and list it here.
 */
export const behaviourFamilies: readonly BehaviourFamily[] = [userBehaviours];
