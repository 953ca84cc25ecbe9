import type { BumpLevel } from './change-level.js';

/** One difference between two versions of a service's spec, with the version bump it calls for. */
export interface SpecChange {
  level: BumpLevel;
  /** Readable on its own, e.g. `operation deleteUser removed`. */
  message: string;
}

export function formatChange(change: SpecChange): string {
  return `${change.message} (${change.level})`;
}
