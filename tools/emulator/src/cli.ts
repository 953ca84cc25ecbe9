#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EmulatorSeed } from './emulator-options.js';
import { startEmulator } from './start-emulator.js';

const usage = `Usage: pingone-emulator [options]

Serves a local PingOne (management API and auth host) until stopped, and prints the values to use.

Options:
  --port <n>              port to listen on (default: 0, a free port; env PINGONE_EMULATOR_PORT)
  --host <address>        interface to bind (default: 127.0.0.1)
  --environment-id <id>   id of the seeded environment (default: random)
  --client-id <id>        worker application client id (default: random)
  --client-secret <s>     worker application client secret (default: random)
  --seed <file.json>      an EmulatorSeed as JSON (users, populations, ids); flags above win
  --token-lifetime <s>    access token lifetime in seconds (default: 3600)
  --help                  show this help
`;

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'environment-id': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    seed: { type: 'string' },
    'token-lifetime': { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}

const seed: EmulatorSeed = values.seed ? (JSON.parse(readFileSync(values.seed, 'utf8')) as EmulatorSeed) : {};
if (values['environment-id']) seed.environmentId = values['environment-id'];
if (values['client-id']) seed.clientId = values['client-id'];
if (values['client-secret']) seed.clientSecret = values['client-secret'];

const emulator = await startEmulator({
  port: Number(values.port ?? process.env.PINGONE_EMULATOR_PORT ?? 0),
  ...(values.host ? { host: values.host } : {}),
  ...(values['token-lifetime'] ? { tokenLifetimeSeconds: Number(values['token-lifetime']) } : {}),
  seed,
});

process.stdout.write(
  [
    `PingOne emulator serving on ${emulator.authUrl} (Ctrl+C to stop). Paste these into your shell:`,
    '',
    `PINGONE_API_URL=${emulator.apiUrl}`,
    `PINGONE_AUTH_URL=${emulator.authUrl}`,
    `PINGONE_ENVIRONMENT_ID=${emulator.environmentId}`,
    `PINGONE_CLIENT_ID=${emulator.clientId}`,
    `PINGONE_CLIENT_SECRET=${emulator.clientSecret}`,
    '',
    `Token endpoint: ${emulator.authUrl}/${emulator.environmentId}/as/token`,
    `Faults:         POST ${emulator.authUrl}/__emulator/faults`,
    '',
  ].join('\n'),
);

const stop = () => {
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
