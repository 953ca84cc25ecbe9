/**
 * The public surface of @pingone-sdk/credentials, written the way users write it (issue a credential
 * of a type to a user, read where it was provisioned, apply a rule's staged changes). Never run:
 * tools/release type-checks it against the build, and the copy from the last release tag must still
 * compile against the next build, or the release is major.
 */
import { createClient } from '@pingone-sdk/core';
import {
  applyCredentialIssuanceRuleStagedChanges,
  type CredentialType,
  createCredentialType,
  createUserCredential,
  listUserCredentialProvisionedCredentials,
  type ProvisionedCredential,
  type UserCredential,
} from '@pingone-sdk/credentials';

const client = createClient({ region: 'EU', environmentId: 'environment', token: 'token' });

const membership: CredentialType = {
  title: 'Membership',
  cardDesignTemplate: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  management: { mode: 'MANAGED' },
  metadata: {
    fields: [{ id: 'member', title: 'Member', type: 'Alphanumeric Text', isVisible: true, required: true }],
  },
};

export async function issueMembership(userId: string, member: string): Promise<ProvisionedCredential[]> {
  const { data: type } = await createCredentialType({ client, body: membership });
  const { data: issued } = await createUserCredential({
    client,
    path: { userId },
    body: { credentialType: { id: type.id ?? '' }, data: { Member: member } },
  });
  const credential: UserCredential = issued;
  const { data: provisioned } = await listUserCredentialProvisionedCredentials({
    client,
    path: { userId, credentialId: credential.id ?? '' },
  });
  return provisioned._embedded.provisionedCredentials;
}

export async function applyIssues(
  credentialTypeId: string,
  credentialIssuanceRuleId: string,
): Promise<string[]> {
  const { data } = await applyCredentialIssuanceRuleStagedChanges({
    client,
    path: { credentialTypeId, credentialIssuanceRuleId },
    body: { issue: [] },
  });
  return data.issue ?? [];
}
