import { describe, it } from 'vitest';
import { cells } from './cells.js';
import { checkCell } from './check-cell.js';

// The cells on our own fault servers; the emulator's cells run in emulator-matrix.test.ts, in a worker of
// their own, so that this file's 64 MiB answers do not slow the emulator sharing their event loop.
describe.concurrent('fault matrix', () => {
  for (const cell of cells.filter((candidate) => !candidate.fault.emulator)) {
    it(`${cell.fault.id} × ${cell.method}`, () => checkCell(cell));
  }
});
