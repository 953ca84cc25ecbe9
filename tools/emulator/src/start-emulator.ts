import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthHost } from './auth/auth-host.js';
import { installUserFlows } from './auth/install-user-flows.js';
import { createSigningKeys } from './auth/signing-keys.js';
import { TokenService } from './auth/token-service.js';
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
import { buildOperations } from './spec/build-operations.js';
import { loadSpecs } from './spec/load-specs.js';
import { applySeed } from './state/apply-seed.js';
import { Store } from './state/store.js';
import { RequestValidator } from './validation/request-validator.js';

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
  for (const [service, document] of loadSpecs(options.specDirectory)) {
    if (authServices.has(service)) continue;
    for (const operation of buildOperations(service, document)) routes.add(operation);
    validators.set(service, new RequestValidator(service, document));
  }
  const keys = await createSigningKeys();

  const limits = resolveLimits(options.limits);
  const server = createServer(serverOptions(limits));
  limitConnections(server, limits);
  answerClientErrors(server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${urlHost(host)}:${port}`;
  const apiUrl = `${origin}/v1`;

  const store = new Store();
  const seeded = applySeed(store, apiUrl, options.seed);
  const services: EmulatorServices = { store, apiUrl, authUrl: origin };
  const tokens = new TokenService(keys, origin, options.tokenLifetimeSeconds ?? 3600);
  const faults = new FaultInjector(options.faults);
  const api = new ApiHandler({
    services,
    routes,
    validators,
    registry: new BehaviourRegistry(behaviourFamilies),
    tokens,
  });
  server.on(
    'request',
    createRequestListener({ services, api, auth: installUserFlows(new AuthHost()), tokens, keys, faults }),
  );

  return {
    apiUrl,
    authUrl: origin,
    ...seeded,
    setFaults: (next) => faults.set(next),
    sentMessages: () => sentMessages(store),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Wildcard binds are reached on loopback; IPv6 literals need brackets in URLs. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
