import { authorizeApiServerBehaviours } from './authorize-api-servers.js';
import { authorizeApplicationResourceBehaviours } from './authorize-application-resources.js';
import { authorizeApplicationRoleBehaviours } from './authorize-application-roles.js';
import { authorizeDecisionBehaviours } from './authorize-decisions.js';
import type { BehaviourFamily } from './behaviour.js';

/** PingOne Authorize: API servers and deployment, application resources and roles, decisions. */
export const authorizeBehaviours: BehaviourFamily = {
  ...authorizeApiServerBehaviours,
  ...authorizeApplicationResourceBehaviours,
  ...authorizeApplicationRoleBehaviours,
  ...authorizeDecisionBehaviours,
};
