/**
 * Protects an API with PingOne Authorize and asks for decisions on calls to it.
 *
 *   pnpm exec tsx authorize-decision.ts
 *
 * It defines an API server whose "read an invoice" operation requires the permission `invoice:read`,
 * deploys it, creates a decision endpoint, and asks it whether two users may read an invoice: one
 * holding an application role with that permission (PERMIT) and one without (DENY). Everything it
 * creates is deleted at the end. It runs against a local emulator unless these are set:
 *   PINGONE_ENVIRONMENT_ID   an environment licensed for PingOne Authorize
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createApiServer,
  createApiServerOperation,
  createApplicationResourcePermission,
  createApplicationRole,
  createApplicationRolePermission,
  createDecisionEndpoint,
  decideApiCall,
  deleteApiServer,
  deleteApplicationRole,
  deleteDecisionEndpoint,
  deployApiServer,
  getApiServerDeployment,
} from '@pingone-sdk/authorize';
import type { Client } from '@pingone-sdk/core';
import {
  createApplicationResource,
  createResource,
  createUser,
  createUserApplicationRoleAssignment,
  deleteResource,
  deleteUser,
} from '@pingone-sdk/management';
import { isMain, managementClientFor, runOnTenantOrEmulator, type TenantSettings } from './tenant.js';

export type AuthorizeDecisionSettings = TenantSettings;

/** The API this example protects; only its URLs matter, nothing is called. */
const invoicesApi = 'https://invoices.example.com/v1';

export async function runAuthorizeDecision(settings: AuthorizeDecisionSettings): Promise<string[]> {
  const log = settings.log ?? console.log;
  const client = managementClientFor(settings);
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    // The permission lives on an application resource of a custom resource (the API's audience).
    const suffix = randomUUID().slice(0, 8);
    const { data: resource } = await createResource({
      client,
      body: { name: `SDK example invoices ${suffix}` },
    });
    const resourceId = resource.id ?? '';
    cleanup.push(() => deleteResource({ client, path: { resourceId } }));
    const { data: invoice } = await createApplicationResource({
      client,
      path: { resourceId },
      body: { name: 'invoice' },
    });
    const { data: permission } = await createApplicationResourcePermission({
      client,
      path: { applicationResourceId: invoice.id ?? '' },
      body: { action: 'read' },
    });
    const { data: role } = await createApplicationRole({
      client,
      body: { name: `Invoice reader ${suffix}` },
    });
    const applicationRoleId = role.id ?? '';
    cleanup.push(() => deleteApplicationRole({ client, path: { applicationRoleId } }));
    await createApplicationRolePermission({
      client,
      path: { applicationRoleId },
      body: { id: permission.id ?? '' },
    });
    log(`role ${role.name} grants ${permission.key}`);

    // Two users: only the reader is given the role.
    const users: Record<'reader' | 'visitor', string> = { reader: '', visitor: '' };
    for (const name of ['reader', 'visitor'] as const) {
      const username = `sdk-example-${name}-${suffix}`;
      const { data: user } = await createUser({
        client,
        body: { username, email: `${username}@example.com` },
      });
      const userId = user.id ?? '';
      users[name] = userId;
      cleanup.push(() => deleteUser({ client, path: { userId } }));
    }
    await createUserApplicationRoleAssignment({
      client,
      path: { userId: users.reader },
      body: { id: applicationRoleId },
    });

    // The API server: GET /invoices/{invoiceId} needs invoice:read. Operations count once deployed.
    const { data: server } = await createApiServer({
      client,
      body: {
        name: `SDK example invoices ${suffix}`,
        baseUrls: [invoicesApi],
        authorizationServer: { type: 'PINGONE_SSO', resource: { id: resourceId } },
      },
    });
    const apiServerId = server.id ?? '';
    cleanup.push(() => deleteApiServer({ client, path: { apiServerId } }));
    await createApiServerOperation({
      client,
      path: { apiServerId },
      body: {
        name: 'Read an invoice',
        methods: ['GET'],
        paths: [{ pattern: '/invoices/{invoiceId}', type: 'PARAMETER' }],
        accessControl: { permission: { id: permission.id ?? '' } },
      },
    });
    await deployApiServer({ client, path: { apiServerId } });
    log(`API server ${server.name}: ${await deployed(client, apiServerId)}`);

    const { data: endpoint } = await createDecisionEndpoint({
      client,
      body: {
        name: `SDK example ${suffix}`,
        description: 'Decides on invoice reads.',
        recordRecentRequests: false,
      },
    });
    const decisionEndpointId = endpoint.id ?? '';
    cleanup.push(() => deleteDecisionEndpoint({ client, path: { decisionEndpointId } }));

    const decisions: string[] = [];
    for (const name of ['reader', 'visitor'] as const) {
      const url = `${invoicesApi}/invoices/42`;
      const { data } = await decideApiCall({
        client,
        decisionEndpointId,
        method: 'GET',
        url,
        userId: users[name],
      });
      log(`${name}: GET ${url} → ${data.decision}`);
      decisions.push(data.decision);
    }
    return decisions;
  } finally {
    for (const undo of cleanup.reverse()) await undo().catch(() => undefined);
  }
}

/** Waits (up to a minute) for the deployment to finish; PingOne builds the policy in the background. */
async function deployed(client: Client, apiServerId: string): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { data } = await getApiServerDeployment({ client, path: { apiServerId } });
    const code = data.status?.code;
    if (code === 'DEPLOYMENT_SUCCESSFUL') return code;
    if (code === 'DEPLOYMENT_FAILED')
      throw new Error(`deployment failed: ${data.status?.error?.message ?? ''}`);
    await sleep(2_000);
  }
  throw new Error('the deployment did not finish within a minute');
}

if (isMain(import.meta.url)) {
  const decisions = await runOnTenantOrEmulator('Deciding on API calls', runAuthorizeDecision);
  if (decisions.join(' ') !== 'PERMIT DENY')
    throw new Error(`expected PERMIT then DENY, got ${decisions.join(' then ')}`);
}
