/**
 * The public surface of @pingone-sdk/davinci, written the way users write it (configure a connector,
 * save and deploy a flow, export what runs, rotate an application's key). Never run: tools/release
 * type-checks it against the build, and the copy from the last release tag must still compile against
 * the next build, or the release is major.
 */
import { createClient } from '@pingone-sdk/core';
import {
  createConnectorInstance,
  createDaVinciFlow,
  type DaVinciFlow,
  type DaVinciFlowGraph,
  type DaVinciFlowVersionExport,
  deployDaVinciFlow,
  exportDaVinciFlowVersion,
  listDaVinciFlowVersions,
  rotateDaVinciApplicationKey,
  validateDaVinciFlow,
} from '@pingone-sdk/davinci';

const client = createClient({ region: 'EU', environmentId: 'environment', token: 'token' });

export async function shipFlow(name: string, graphData: DaVinciFlowGraph): Promise<DaVinciFlowVersionExport> {
  const { data: instance } = await createConnectorInstance({
    client,
    body: { name: 'HTTP', connector: { id: 'httpConnector' }, properties: {} },
  });
  const { data: flow } = await createDaVinciFlow({ client, body: { name, graphData } });
  const path = { flowId: flow.id };
  const { data: checked } = await validateDaVinciFlow({ client, path, body: {} });
  const errors: number = checked.dvlinterErrorCount ?? 0;
  if (errors > 0) throw new Error(`${instance.id}: ${errors} problems`);
  const { data: deployed } = await deployDaVinciFlow({ client, path, body: {} });
  const running: DaVinciFlow = deployed;
  const { data: versions } = await listDaVinciFlowVersions({ client, path });
  const newest: number = versions._embedded.versions.at(-1)?.version ?? 0;
  const versionId = String(running.publishedVersion ?? newest);
  const { data: exported } = await exportDaVinciFlowVersion({
    client,
    path: { ...path, versionId },
    body: { includeSubFlows: false },
  });
  return exported;
}

export async function newKey(davinciApplicationId: string): Promise<string> {
  const { data } = await rotateDaVinciApplicationKey({ client, path: { davinciApplicationId }, body: {} });
  return data.apiKey.value;
}
