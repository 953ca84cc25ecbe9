import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from './services.js';

/**
 * Resolves a split spec (a root document that $refs files beside it) into one document with redocly.
 * Named schemas in the family files become `#/components/schemas/<Name>`, which is what gives the
 * generated types their names.
 */
export function bundleSpec(rootDocument: string): Record<string, unknown> {
  const scratch = mkdtempSync(join(tmpdir(), 'pingone-sdk-bundle-'));
  try {
    const output = join(scratch, 'openapi.json');
    const redocly = join(repositoryRoot, 'tools', 'generate', 'node_modules', '.bin', 'redocly');
    execFileSync(redocly, ['bundle', rootDocument, '--output', output, '--ext', 'json'], {
      stdio: 'pipe',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    return JSON.parse(readFileSync(output, 'utf8')) as Record<string, unknown>;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
