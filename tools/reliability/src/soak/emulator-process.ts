import { fork } from 'node:child_process';
import { type EmulatorOptions, startEmulator } from '@pingone-sdk/emulator';

/**
 * The soak's emulator runs in a child process, so that the heap the soak measures is the SDK's alone
 * (the emulator's store and audit log grow with every call).
 */

export interface EmulatorProcess {
  apiUrl: string;
  authUrl: string;
  environmentId: string;
  clientId: string;
  clientSecret: string;
  defaultPopulationId: string;
  stop(): void;
}

export function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorProcess> {
  const child = fork(new URL(import.meta.url), ['serve', JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the soak's emulator exited with ${code}`)));
    child.once('message', (message: Omit<EmulatorProcess, 'stop'>) => {
      child.removeAllListeners('exit');
      resolve({ ...message, stop: () => child.kill() });
    });
  });
}

if (process.argv[2] === 'serve') {
  const emulator = await startEmulator(JSON.parse(process.argv[3] ?? '{}') as EmulatorOptions);
  const { apiUrl, authUrl, environmentId, clientId, clientSecret, defaultPopulationId } = emulator;
  process.send?.({ apiUrl, authUrl, environmentId, clientId, clientSecret, defaultPopulationId });
}
