import { afterAll, beforeAll, describe, it } from 'vitest';
import { cells } from './cells.js';
import { checkCell } from './check-cell.js';
import { closeEmulators, emulatorWith } from './emulator-hosts.js';
import { emulatorFaultsOf } from './run-cell.js';

const emulatorCells = cells.filter((cell) => cell.fault.emulator);

// Started one after another before any cell runs: starting a dozen at once would time the machine.
beforeAll(async () => {
  for (const cell of emulatorCells) await emulatorWith(emulatorFaultsOf(cell));
}, 120_000);
afterAll(() => closeEmulators());

describe.concurrent('fault matrix on the emulator', () => {
  for (const cell of emulatorCells) {
    it(`${cell.fault.id} × ${cell.method}`, () => checkCell(cell));
  }
});
