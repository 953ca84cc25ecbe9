#!/usr/bin/env node
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';

let exitCode = 0;
const program = buildProgram((code) => {
  exitCode = code;
});
try {
  await program.parseAsync(process.argv);
  process.exitCode = exitCode;
} catch (error) {
  process.exitCode = reportError(error, (line) => process.stderr.write(`${line}\n`));
}
