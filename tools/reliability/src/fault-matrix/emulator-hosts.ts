import { type FaultOptions, type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import {
  clientId,
  clientSecret,
  deletableUserId,
  environmentId,
  populationId,
  user,
  userId,
} from './fault-server.js';

/**
 * Emulators for the cells that use its fault options: one per (faults, host) pair, shared by that fault's
 * cells (starting one per cell would cost more than the cells themselves). Each is warmed up (its first
 * token and its request validators) before its faults are switched on, so that cells time the fault, not
 * the emulator's start.
 */
const running = new Map<string, Promise<RunningEmulator>>();

async function warmedUp(faults: FaultOptions): Promise<RunningEmulator> {
  const emulator = await startEmulator({
    seed: {
      environmentId,
      clientId,
      clientSecret,
      defaultPopulationId: populationId,
      users: [
        { id: userId, username: user.username, email: 'ada@example.com' },
        { id: deletableUserId, username: 'deletable', email: 'deletable@example.com' },
      ],
    },
  });
  const token = await fetch(`${emulator.authUrl}/${environmentId}/as/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  }).then(async (response) => ((await response.json()) as { access_token: string }).access_token);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const users = `${emulator.apiUrl}/environments/${environmentId}/users`;
  await (await fetch(`${users}/${userId}`, { headers })).text();
  await (
    await fetch(users, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'warm-up', email: 'warm@example.com' }),
    })
  ).text();
  emulator.setFaults(faults);
  return emulator;
}

export function emulatorWith(faults: FaultOptions): Promise<RunningEmulator> {
  const key = JSON.stringify(faults);
  let emulator = running.get(key);
  if (!emulator) {
    emulator = warmedUp(faults);
    running.set(key, emulator);
  }
  return emulator;
}

export async function closeEmulators(): Promise<void> {
  const all = [...running.values()];
  running.clear();
  await Promise.all(all.map(async (emulator) => (await emulator).close()));
}
