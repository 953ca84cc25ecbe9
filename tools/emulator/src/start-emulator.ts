import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthHost } from './auth/auth-host.js';
import { installUserFlows } from './auth/install-user-flows.js';
import { createSigningKeys } from './auth/signing-keys.js';
import { TokenService } from './auth/token-service.js';
import { applySeed } from './behaviours/apply-seed.js';
import type { EmulatorServices } from './behaviours/behaviour.js';
import { BehaviourRegistry } from './behaviours/behaviour-registry.js';
import { behaviourFamilies } from './behaviours/families.js';
import { sentMessages } from './behaviours/user-messages.js';
import type { EmulatorOptions, RunningEmulator } from './emulator-options.js';
import { FaultInjector } from './faults/fault-injector.js';
import { RouteTable } from './routing/route-table.js';
import { ApiHandler } from './server/api-handler.js';
import { answerClientErrors } from './server/client-error.js';
import { createRequestListener } from './server/request-listener.js';
import { limitConnections, resolveLimits, serverOptions } from './server/server-limits.js';
import { buildOperations, creatableCollections } from './spec/build-operations.js';
import { loadSpecs } from './spec/load-specs.js';
import type { Operation } from './spec/operation.js';
import { Store } from './state/store.js';
import { RequestValidator } from './validation/request-validator.js';
import { ResponseValidator } from './validation/response-validator.js';

/** Specs served by the auth host rather than under `/v1`; their routes are the auth host's own. */
const authServices = new Set(['auth']);

/**
 * Starts a local PingOne: the management API at `{apiUrl}` (`http://127.0.0.1:<port>/v1`) and the
 * auth host at `{authUrl}/{environmentId}/as/...`, on one loopback port, with the seeded
 * environment, worker application and any seeded users and populations.
 *
 * @example
 * const emulator = await startEmulator();
 * const token = await fetch(`${emulator.authUrl}/${emulator.environmentId}/as/token`, { ... });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const routes = new RouteTable();
  const validators = new Map<string, RequestValidator>();
  const responseValidators = new Map<string, ResponseValidator>();
  const operations = new Map<string, Operation>();
  const validateResponses =
    options.validateResponses ??
    (process.env.VITEST !== undefined || process.env.PINGONE_EMULATOR_VALIDATE_RESPONSES === 'true');
  const apiSpecs = [...loadSpecs(options.specDirectory)].filter(([service]) => !authServices.has(service));
  const creatable = creatableCollections(apiSpecs.map(([, document]) => document));
  for (const [service, document] of apiSpecs) {
    for (const operation of buildOperations(service, document, creatable)) {
      routes.add(operation);
      operations.set(operation.operationId, operation);
    }
    validators.set(service, new RequestValidator(service, document));
    if (validateResponses) responseValidators.set(service, new ResponseValidator(service, document));
  }
  const keys = await createSigningKeys();

  const limits = resolveLimits(options.limits);
  const server = createServer(serverOptions(limits));
  limitConnections(server, limits);
  answerClientErrors(server);
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);
  const origin = `http://${urlHost(host)}:${port}`;
  const apiUrl = `${origin}/v1`;

  const store = new Store();
  const seeded = applySeed(store, apiUrl, options.seed, operations.get('createUser')?.defaults);
  const services: EmulatorServices = {
    store,
    apiUrl,
    authUrl: origin,
    collection: (operationId) => operations.get(operationId)?.collection,
  };
  const tokens = new TokenService(keys, origin, options.tokenLifetimeSeconds ?? 3600);
  const faults = new FaultInjector(options.faults);
  const api = new ApiHandler({
    services,
    routes,
    validators,
    registry: new BehaviourRegistry(behaviourFamilies),
    tokens,
    responseValidators,
  });
  const hosts = { services, api, auth: installUserFlows(new AuthHost()), tokens, keys, faults };
  server.on('request', createRequestListener(hosts));
  const servers = [server];

  let customDomainIssuer: string | undefined;
  if (options.customDomain) {
    // A second port is a second origin, which is all a custom domain is to a client.
    const customServer = createServer({ keepAliveTimeout: 30_000 });
    const customPort = await listen(customServer, 0, host);
    customDomainIssuer = `http://${urlHost(host)}:${customPort}/as`;
    tokens.trustIssuer(customDomainIssuer);
    customServer.on(
      'request',
      createRequestListener({
        ...hosts,
        customDomain: { environmentId: seeded.environmentId, issuer: customDomainIssuer },
      }),
    );
    servers.push(customServer);
  }

  return {
    apiUrl,
    authUrl: origin,
    customDomainIssuer,
    ...seeded,
    setFaults: (next) => faults.set(next),
    sentMessages: () => sentMessages(store),
    close: async () => {
      await Promise.all(
        servers.map(
          (each) =>
            new Promise<void>((resolve, reject) => {
              each.close((error) => (error ? reject(error) : resolve()));
              each.closeAllConnections();
            }),
        ),
      );
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Wildcard binds are reached on loopback; IPv6 literals need brackets in URLs. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
