import type { BehaviourFamily } from './behaviour.js';
import { davinciApplicationBehaviours } from './davinci-applications.js';
import { davinciConnectorBehaviours } from './davinci-connectors.js';
import { davinciFlowVersionBehaviours } from './davinci-flow-versions.js';
import { davinciFlowBehaviours } from './davinci-flows.js';
import { davinciVariableBehaviours } from './davinci-variables.js';

/** Every DaVinci family, registered in families.ts through this one entry. */
export const davinciFamilyBehaviours: BehaviourFamily = {
  ...davinciConnectorBehaviours,
  ...davinciApplicationBehaviours,
  ...davinciFlowBehaviours,
  ...davinciFlowVersionBehaviours,
  ...davinciVariableBehaviours,
};
