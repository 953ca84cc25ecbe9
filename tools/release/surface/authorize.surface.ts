/**
 * The public surface of @pingone-sdk/authorize, written the way users write it (protect an API, deploy
 * it, ask for a decision). Never run: tools/release type-checks it against the build, and the copy from
 * the last release tag must still compile against the next build, or the release is major.
 */
import {
  type ApiServerOperation,
  createApiServer,
  createApiServerOperation,
  createApplicationRole,
  createApplicationRolePermission,
  type Decision,
  type DecisionValue,
  decideApiCall,
  deployApiServer,
  evaluateDecision,
  getApiServerDeployment,
  listApplicationRoleUserAssignments,
} from '@pingone-sdk/authorize';
import { createClient } from '@pingone-sdk/core';

const client = createClient({ region: 'EU', environmentId: 'environment', token: 'token' });

export async function protectInvoices(resourceId: string, permissionId: string): Promise<string | undefined> {
  const { data: server } = await createApiServer({
    client,
    body: {
      name: 'Invoices',
      baseUrls: ['https://api.example.com/v1'],
      authorizationServer: { type: 'PINGONE_SSO', resource: { id: resourceId } },
    },
  });
  const apiServerId = server.id ?? '';
  const operation: ApiServerOperation = {
    name: 'Read an invoice',
    methods: ['GET'],
    paths: [{ pattern: '/invoices/{invoiceId}', type: 'PARAMETER' }],
    accessControl: { permission: { id: permissionId } },
  };
  await createApiServerOperation({ client, path: { apiServerId }, body: operation });
  await deployApiServer({ client, path: { apiServerId } });
  const { data: deployment } = await getApiServerDeployment({ client, path: { apiServerId } });
  return deployment.status?.code === 'DEPLOYMENT_SUCCESSFUL' ? deployment.decisionEndpoint?.id : undefined;
}

export async function grant(permissionId: string): Promise<number> {
  const { data: role } = await createApplicationRole({ client, body: { name: 'Reader' } });
  const applicationRoleId = role.id ?? '';
  await createApplicationRolePermission({ client, path: { applicationRoleId }, body: { id: permissionId } });
  const { data } = await listApplicationRoleUserAssignments({ client, path: { applicationRoleId } });
  return data._embedded.assignments.length;
}

export async function mayRead(decisionEndpointId: string, userId: string): Promise<boolean> {
  const { data } = await decideApiCall({
    client,
    decisionEndpointId,
    method: 'GET',
    url: 'https://api.example.com/v1/invoices/42',
    userId,
    scopes: ['invoices:read'],
  });
  const raw: Decision = (
    await evaluateDecision({
      client,
      path: { decisionEndpointId },
      body: { parameters: { method: 'GET', url: 'https://api.example.com/v1/invoices/42' } },
    })
  ).data;
  const value: DecisionValue = raw.decision;
  return data.decision === 'PERMIT' && value === 'PERMIT';
}
