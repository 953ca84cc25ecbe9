/**
 * The public surface of @pingone-sdk/emulator, written the way users write it in their own tests.
 * Never run: tools/release type-checks it against the build, and the copy from the last release tag
 * must still compile against the next build, or the release is major.
 */
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';

const options: EmulatorOptions = {};

export async function withEmulator(): Promise<string[]> {
  const emulator: RunningEmulator = await startEmulator(options);
  const started = await startEmulator();
  const values: string[] = [
    emulator.apiUrl,
    emulator.authUrl,
    emulator.environmentId,
    emulator.clientId,
    emulator.clientSecret,
    emulator.defaultPopulationId,
  ];
  emulator.setFaults();
  await emulator.close();
  await started.close();
  return values;
}
