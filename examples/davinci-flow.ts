/**
 * Builds a DaVinci flow from a variable and a connector instance, validates and deploys it, then
 * lists its versions and exports the deployed one.
 *
 *   pnpm exec tsx davinci-flow.ts
 *
 * It runs against a local emulator unless these are set:
 *   PINGONE_ENVIRONMENT_ID   the environment to build the flow in
 *   PINGONE_CLIENT_ID        a client whose roles grant the davinci:* permissions used here …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 * Everything it creates is deleted again at the end.
 */
import {
  createConnectorInstance,
  createDaVinciFlow,
  createVariable,
  type DaVinciFlowGraph,
  deleteConnectorInstance,
  deleteDaVinciFlow,
  deleteVariable,
  deployDaVinciFlow,
  exportDaVinciFlowVersion,
  listDaVinciFlowVersions,
  replaceDaVinciFlow,
  validateDaVinciFlow,
} from '@pingone-sdk/davinci';
import { isMain, managementClientFor, runOnTenantOrEmulator, type TenantSettings } from './tenant.js';

export type DaVinciFlowSettings = TenantSettings;

/** A node that runs an HTTP capability through the connector instance `connectionId`. */
function httpNode(
  id: string,
  connectionId: string,
  capabilityName: string,
  properties: Record<string, unknown>,
) {
  return {
    data: {
      id,
      nodeType: 'CONNECTION',
      connectorId: 'httpConnector',
      connectionId,
      capabilityName,
      properties,
    },
    position: { x: id === 'greet' ? 100 : 400, y: 100 },
  };
}

export async function runDaVinciFlow(
  settings: DaVinciFlowSettings,
): Promise<{ flowId: string; deployedVersion: number; versions: number[] }> {
  const log = settings.log ?? console.log;
  const client = managementClientFor(settings);

  // A company-wide value the flow's nodes read by name.
  const { data: variable } = await createVariable({
    client,
    body: {
      name: 'sdkExampleGreeting',
      context: 'company',
      dataType: 'string',
      mutable: false,
      value: 'Welcome',
    },
  });
  log(`created variable ${variable.name} (${variable.context})`);
  // The HTTP connector of DaVinci's catalogue, configured for this environment.
  const { data: instance } = await createConnectorInstance({
    client,
    body: { name: 'SDK example HTTP', connector: { id: 'httpConnector' } },
  });
  log(`created connector instance ${instance.name} of ${instance.connector.id}`);

  try {
    const greet = httpNode('greet', instance.id, 'customHtmlMessage', { message: { value: variable.name } });
    const { data: flow } = await createDaVinciFlow({
      client,
      body: { name: 'SDK example sign-on', graphData: { elements: { nodes: [greet] } } },
    });
    log(`created flow ${flow.name}, version ${flow.currentVersion}`);
    try {
      // Saving again adds a version: the greeting now leads to a success answer.
      const graphData: DaVinciFlowGraph = {
        elements: {
          nodes: [greet, httpNode('done', instance.id, 'createSuccessResponse', {})],
          edges: [{ data: { id: 'greet-done', source: 'greet', target: 'done' } }],
        },
      };
      const { data: saved } = await replaceDaVinciFlow({
        client,
        path: { flowId: flow.id },
        body: { name: flow.name, graphData },
      });
      log(`saved flow ${saved.name}, version ${saved.currentVersion}`);

      const { data: checked } = await validateDaVinciFlow({ client, path: { flowId: flow.id }, body: {} });
      const findings = checked.graphData?.allLinterErrors ?? [];
      log(
        `validation: ${checked.dvlinterErrorCount ?? 0} errors, ${checked.dvlinterWarningCount ?? 0} warnings`,
      );
      if ((checked.dvlinterErrorCount ?? 0) > 0) {
        throw new Error(`the flow has problems: ${findings.map((finding) => finding.message).join('; ')}`);
      }

      const { data: deployed } = await deployDaVinciFlow({ client, path: { flowId: flow.id }, body: {} });
      const deployedVersion = deployed.publishedVersion ?? 0;
      log(`deployed version ${deployedVersion} at ${deployed.deployedAt}`);

      const { data: history } = await listDaVinciFlowVersions({ client, path: { flowId: flow.id } });
      const versions = history._embedded.versions.map((version) => version.version);
      log(`versions: ${versions.join(', ')}`);

      const { data: exported } = await exportDaVinciFlowVersion({
        client,
        path: { flowId: flow.id, versionId: String(deployedVersion) },
        body: { includeVariableValues: false },
      });
      const nodes = exported.graphData?.elements?.nodes?.length ?? 0;
      const variables = (exported.variables ?? []).map((used) => String(used.name));
      log(
        `exported version ${exported.version}: ${nodes} nodes, variables ${variables.join(', ') || 'none'}`,
      );
      return { flowId: flow.id, deployedVersion, versions };
    } finally {
      await deleteDaVinciFlow({ client, path: { flowId: flow.id } });
    }
  } finally {
    await deleteConnectorInstance({ client, path: { connectorInstanceId: instance.id } });
    await deleteVariable({ client, path: { variableId: variable.id } });
    log('cleaned up the flow, the connector instance and the variable');
  }
}

if (isMain(import.meta.url)) {
  await runOnTenantOrEmulator('Building a DaVinci flow', runDaVinciFlow);
}
