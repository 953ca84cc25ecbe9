/**
 * Issues a verifiable credential to a user and reads it back with the wallets it was delivered to.
 *
 *   pnpm exec tsx issue-credential.ts
 *
 * It makes sure the environment has an issuer profile, defines a membership card with two fields,
 * registers a wallet app and gives a new user a wallet in it, issues the card to the user, reads the
 * credential and its provisioning, then removes what it created (the issuer profile stays). It runs
 * against a local emulator unless these are set:
 *   PINGONE_ENVIRONMENT_ID   an environment with PingOne Credentials
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 */
import { type Client, NotFoundError } from '@pingone-sdk/core';
import {
  createCredentialIssuerProfile,
  createCredentialType,
  createDigitalWallet,
  createDigitalWalletApplication,
  createUserCredential,
  deleteCredentialType,
  deleteDigitalWalletApplication,
  getCredentialIssuerProfile,
  getUserCredential,
  listUserCredentialProvisionedCredentials,
} from '@pingone-sdk/credentials';
import { createApplication, createUser, deleteApplication, deleteUser } from '@pingone-sdk/management';
import { isMain, managementClientFor, runOnTenantOrEmulator, type TenantSettings } from './tenant.js';

/** The card as an SVG; PingOne draws each field's value where its `${Title}` placeholder stands. */
const cardDesign =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholders are PingOne's, not JavaScript's.
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><text x="16" y="40">${Member}</text><text x="16" y="80">${Level}</text></svg>';

export type IssueCredentialSettings = TenantSettings;

export async function runIssueCredential(
  settings: IssueCredentialSettings,
): Promise<{ credentialId: string }> {
  const log = settings.log ?? console.log;
  const client = managementClientFor(settings);

  await ensureIssuerProfile(client, log);
  const suffix = Date.now().toString(36);

  // `data` of a credential is keyed by the fields' titles. `Club` has a fixed value, so PingOne fills
  // it in; `Member` is required, so every credential must give it.
  const { data: credentialType } = await createCredentialType({
    client,
    body: {
      title: `Climbing club membership ${suffix}`,
      description: 'Shown at the door of the climbing hall.',
      cardDesignTemplate: cardDesign,
      management: { mode: 'MANAGED' },
      metadata: {
        name: 'Climbing club membership',
        columns: 1,
        fields: [
          { id: 'member', title: 'Member', type: 'Alphanumeric Text', isVisible: true, required: true },
          { id: 'level', title: 'Level', type: 'Alphanumeric Text', isVisible: true },
          { id: 'club', title: 'Club', type: 'Alphanumeric Text', isVisible: true, value: 'Boulder Hall' },
        ],
      },
    },
  });
  const credentialTypeId = credentialType.id ?? '';
  log(`created credential type "${credentialType.title}" (version ${credentialType.version?.number})`);

  // A wallet app stands for a PingOne application; the user's wallet lives in that app.
  const { data: application } = await createApplication({
    client,
    body: {
      name: `Climbing wallet ${suffix}`,
      enabled: true,
      protocol: 'OPENID_CONNECT',
      type: 'NATIVE_APP',
      grantTypes: ['AUTHORIZATION_CODE'],
      responseTypes: ['CODE'],
      redirectUris: ['com.example.climbing://callback'],
      tokenEndpointAuthMethod: 'NONE',
    },
  });
  const { data: walletApplication } = await createDigitalWalletApplication({
    client,
    body: {
      application: { id: application.id ?? '' },
      name: `Climbing wallet ${suffix}`,
      appOpenUrl: 'https://wallet.example.com/open',
    },
  });
  const { data: user } = await createUser({
    client,
    body: { username: `climber-${suffix}`, email: `climber-${suffix}@example.com` },
  });
  const userId = user.id ?? '';
  const { data: wallet } = await createDigitalWallet({
    client,
    path: { userId },
    body: { digitalWalletApplication: { id: walletApplication.id ?? '' } },
  });
  log(`created user ${user.username} with wallet ${wallet.id}`);

  try {
    const { data: issued } = await createUserCredential({
      client,
      path: { userId },
      body: { credentialType: { id: credentialTypeId }, data: { Member: 'Alex Honnold', Level: 'Lead' } },
    });
    const credentialId = issued.id ?? '';
    const { data: credential } = await getUserCredential({ client, path: { userId, credentialId } });
    log(`issued credential ${credentialId}: ${credential.status}, ${JSON.stringify(credential.data)}`);

    const { data: provisioned } = await listUserCredentialProvisionedCredentials({
      client,
      path: { userId, credentialId },
    });
    for (const delivery of provisioned._embedded.provisionedCredentials) {
      log(`provisioned to wallet ${delivery.digitalWallet?.id}: ${delivery.status}`);
    }
    return { credentialId };
  } finally {
    await deleteUser({ client, path: { userId } });
    await deleteDigitalWalletApplication({
      client,
      path: { digitalWalletApplicationId: walletApplication.id ?? '' },
    });
    await deleteApplication({ client, path: { applicationId: application.id ?? '' } });
    await deleteCredentialType({ client, path: { credentialTypeId } });
    log('cleaned up');
  }
}

/** An environment signs credentials with its one issuer profile: use it when there is one. */
async function ensureIssuerProfile(client: Client, log: (line: string) => void): Promise<void> {
  try {
    const { data: profile } = await getCredentialIssuerProfile({ client });
    log(`issuer profile "${profile.name}" signs the credentials`);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { data: profile } = await createCredentialIssuerProfile({ client, body: { name: 'Boulder Hall' } });
    log(`created issuer profile "${profile.name}"`);
  }
}

if (isMain(import.meta.url)) {
  await runOnTenantOrEmulator('Issuing a credential', runIssueCredential);
}
