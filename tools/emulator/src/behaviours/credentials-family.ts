import type { BehaviourFamily } from './behaviour.js';
import { credentialIssuanceRuleBehaviours } from './credentials-issuance-rules.js';
import { credentialIssuerProfileBehaviours } from './credentials-issuer-profile.js';
import { credentialTypeBehaviours } from './credentials-types.js';
import { userCredentialBehaviours } from './credentials-user-credentials.js';
import { digitalWalletBehaviours } from './credentials-wallets.js';

/** PingOne Credentials: issuer profile, credential type versions, issuance rule staging, issuing and wallets. */
export const credentialsBehaviours: BehaviourFamily = {
  ...credentialIssuerProfileBehaviours,
  ...credentialTypeBehaviours,
  ...credentialIssuanceRuleBehaviours,
  ...userCredentialBehaviours,
  ...digitalWalletBehaviours,
};
