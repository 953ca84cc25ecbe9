import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { budgets } from './budgets.js';
import { measure, type ServicePackage, scenarios, serviceFirstCalls, serviceScenarios } from './measure.js';

/**
 * Each function's quoted URL as the generated code writes it, by operationId, from the shipped spec: the
 * path, and for a Content-Type action the path with `#<action's operationId>`.
 */
function operationUrls(service: ServicePackage): Map<string, string> {
  const specPath = createRequire(import.meta.url).resolve(`@pingone-sdk/${service}/openapi.json`);
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
    paths: Record<string, Record<string, SpecOperation>>;
  };
  const urls = new Map<string, string>();
  for (const [path, item] of Object.entries(spec.paths))
    for (const operation of Object.values(item)) {
      if (operation.operationId) urls.set(operation.operationId, `"${path}"`);
      for (const media of Object.values(operation.requestBody?.content ?? {})) {
        const action = media['x-pingone-action']?.operationId;
        if (action) urls.set(action, `"${path}#${action}"`);
      }
    }
  return urls;
}

interface SpecOperation {
  operationId?: string;
  requestBody?: { content?: Record<string, { 'x-pingone-action'?: { operationId?: string } }> };
}

describe('bundle size budgets (tools/size/budgets.json)', () => {
  it('keeps createManagementClient + clientCredentials + one operation under the consumer budget', async () => {
    const consumer = await measure(scenarios.consumer);
    console.log(`consumer bundle: ${consumer.gzippedBytes} B min+gzip (budget ${budgets.consumerBundle} B)`);
    expect(consumer.gzippedBytes).toBeLessThanOrEqual(budgets.consumerBundle);
  });

  it('adds less than the per-operation budget for one more operation', async () => {
    const [consumer, consumerPlusOne] = await Promise.all([
      measure(scenarios.consumer),
      measure(scenarios.consumerPlusOne),
    ]);
    const cost = consumerPlusOne.gzippedBytes - consumer.gzippedBytes;
    console.log(`one more operation: ${cost} B min+gzip (budget ${budgets.extraOperation} B)`);
    expect(cost).toBeLessThan(budgets.extraOperation);
  });

  it.each([
    ['authSignIn', scenarios.authSignIn],
    ['authVerify', scenarios.authVerify],
  ] as const)('keeps the %s bundle under its budget', async (budget, scenario) => {
    const measured = await measure(scenario);
    console.log(`${scenario.name}: ${measured.gzippedBytes} B min+gzip (budget ${budgets[budget]} B)`);
    expect(measured.gzippedBytes).toBeLessThanOrEqual(budgets[budget]);
  });

  it('loads the JWT client assertion signer only when a client first uses it', async () => {
    // A browser client without a secret must not carry jose's signing code before its first call.
    const signIn = await measure(scenarios.authSignIn);
    const assertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
    expect(signIn.code).not.toContain(assertionType);
    expect(signIn.lazyChunks.some((chunk) => chunk.includes(assertionType))).toBe(true);
  });

  it('stays smaller than the anchors measured in the same run (auth0 ManagementClient, octokit with app auth)', async () => {
    const [consumer, auth0, octokit] = await Promise.all([
      measure(scenarios.consumer),
      measure(scenarios.auth0),
      measure(scenarios.octokit),
    ]);
    for (const result of [consumer, auth0, octokit]) {
      console.log(`${result.name}: ${result.gzippedBytes} B min+gzip`);
    }
    expect(consumer.gzippedBytes).toBeLessThan(octokit.gzippedBytes);
    expect(consumer.gzippedBytes).toBeLessThan(auth0.gzippedBytes);
  });

  it('tree-shakes: the whole package is far larger than a one-operation bundle', async () => {
    const [consumer, whole] = await Promise.all([
      measure(scenarios.consumer),
      measure(scenarios.wholePackage),
    ]);
    expect(whole.minifiedBytes).toBeGreaterThan(consumer.minifiedBytes * 2);
  });

  describe.each(Object.keys(serviceFirstCalls) as ServicePackage[])('@pingone-sdk/%s', (service) => {
    const { firstCall, wholePackage } = serviceScenarios(service);

    it('keeps its first call on the management client under the consumer budget', async () => {
      const measured = await measure(firstCall);
      console.log(
        `${firstCall.name}: ${measured.gzippedBytes} B min+gzip (budget ${budgets.consumerBundle} B)`,
      );
      expect(measured.gzippedBytes).toBeLessThanOrEqual(budgets.consumerBundle);
    });

    it('tree-shakes: no operation but the one called reaches the bundle', async () => {
      const [one, whole] = await Promise.all([measure(firstCall), measure(wholePackage)]);
      console.log(`${wholePackage.name}: ${whole.gzippedBytes} B min+gzip`);
      const urls = operationUrls(service);
      const distinct = [...new Set(urls.values())];
      const carried = (code: string) => distinct.filter((url) => code.includes(url));
      expect(carried(whole.code)).toEqual(distinct);
      expect(carried(one.code)).toEqual([urls.get(serviceFirstCalls[service])]);
    });
  });
});
