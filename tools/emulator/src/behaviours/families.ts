import { activityBehaviours } from './activities.js';
import { agreementBehaviours } from './agreements.js';
import { applicationRoleAssignmentBehaviours } from './application-role-assignments.js';
import { applicationBehaviours } from './applications.js';
import { authorizeBehaviours } from './authorize-behaviours.js';
import type { BehaviourFamily } from './behaviour.js';
import { brandingBehaviours } from './branding.js';
import { certificateBehaviours } from './certificates.js';
import { credentialsBehaviours } from './credentials-family.js';
import { customDomainBehaviours } from './custom-domains.js';
import { davinciFamilyBehaviours } from './davinci-family.js';
import { emailDomainBehaviours } from './email-domains.js';
import { environmentMetricsBehaviours } from './environment-metrics.js';
import { environmentSettingsBehaviours } from './environment-settings.js';
import { environmentBehaviours } from './environments.js';
import { formBehaviours } from './forms.js';
import { gatewayBehaviours } from './gateways.js';
import { groupBehaviours } from './groups.js';
import { identityProviderBehaviours } from './identity-providers.js';
import { imageBehaviours } from './images.js';
import { integrationCatalogBehaviours } from './integration-catalog.js';
import { languageBehaviours } from './languages.js';
import { mfaBehaviours } from './mfa-service.js';
import { notificationSettingsBehaviours } from './notification-settings.js';
import { notificationTemplateBehaviours } from './notification-templates.js';
import { organizationBehaviours } from './organizations.js';
import { passwordPolicyBehaviours } from './password-policies.js';
import { populationBehaviours } from './populations.js';
import { propagationBehaviours } from './propagation.js';
import { protectBehaviours } from './protect-behaviours.js';
import { resourceBehaviours } from './resources.js';
import { roleBehaviours } from './roles.js';
import { schemaBehaviours } from './schemas.js';
import { signOnPolicyBehaviours } from './sign-on-policies.js';
import { userAgreementConsentBehaviours } from './user-agreement-consents.js';
import { userAttributeBehaviours } from './user-attributes.js';
import { userExpansionBehaviours } from './user-expansion.js';
import { userGroupMembershipBehaviours } from './user-group-memberships.js';
import { userPairingKeyBehaviours } from './user-pairing-keys.js';
import { userRoleAssignmentBehaviours } from './user-role-assignments.js';
import { userVerificationBehaviours } from './user-verification.js';
import { userBehaviours } from './users.js';
import { verifyPolicyBehaviours } from './verify-policies.js';
import { verifyTransactionBehaviours } from './verify-transactions.js';
import { verifyVoicePhraseBehaviours } from './verify-voice-phrases.js';

/**
 * Every family that needs more than the generic behaviour. To add one, write
 * `src/behaviours/<family>.ts` exporting a {@link BehaviourFamily} and list it here.
 */
export const behaviourFamilies: readonly BehaviourFamily[] = [
  userBehaviours,
  userExpansionBehaviours,
  userAttributeBehaviours,
  userVerificationBehaviours,
  userGroupMembershipBehaviours,
  userRoleAssignmentBehaviours,
  userPairingKeyBehaviours,
  verifyPolicyBehaviours,
  verifyTransactionBehaviours,
  verifyVoicePhraseBehaviours,
  userAgreementConsentBehaviours,
  environmentBehaviours,
  organizationBehaviours,
  populationBehaviours,
  imageBehaviours,
  activityBehaviours,
  brandingBehaviours,
  passwordPolicyBehaviours,
  signOnPolicyBehaviours,
  groupBehaviours,
  applicationBehaviours,
  applicationRoleAssignmentBehaviours,
  roleBehaviours,
  resourceBehaviours,
  propagationBehaviours,
  gatewayBehaviours,
  agreementBehaviours,
  emailDomainBehaviours,
  certificateBehaviours,
  notificationTemplateBehaviours,
  notificationSettingsBehaviours,
  identityProviderBehaviours,
  languageBehaviours,
  schemaBehaviours,
  integrationCatalogBehaviours,
  formBehaviours,
  customDomainBehaviours,
  environmentSettingsBehaviours,
  environmentMetricsBehaviours,
  credentialsBehaviours,
  authorizeBehaviours,
  davinciFamilyBehaviours,
  protectBehaviours,
  mfaBehaviours,
];
