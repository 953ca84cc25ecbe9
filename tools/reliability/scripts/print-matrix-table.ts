import { matrixTable } from '../src/fault-matrix/matrix-table.js';

// Prints the README's fault matrix table; paste it between the markers (or see readme-table.test.ts).
process.stdout.write(`${matrixTable()}\n`);
