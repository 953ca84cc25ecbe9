export type {
  EmulatorOptions,
  EmulatorSeed,
  RunningEmulator,
  SeedApplication,
  SeedPopulation,
  SeedUser,
} from './emulator-options.js';
export type { FaultOptions, RateLimitFault } from './faults/fault-options.js';
export type { ServerLimits } from './server/server-limits.js';
export { startEmulator } from './start-emulator.js';
