#!/usr/bin/env node
// Runs the TypeScript source directly, as the repository's other tools do.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
