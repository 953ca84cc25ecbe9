import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const examplesFolder = fileURLToPath(new URL('.', import.meta.url));
const tsx = fileURLToPath(new URL('./node_modules/.bin/tsx', import.meta.url));

/** Each example starts its own emulator when no PINGONE_* variable names a real tenant. */
const environmentWithoutTenant = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith('PINGONE_')),
);

async function runExample(file: string): Promise<string> {
  const { stdout } = await run(tsx, [file], {
    cwd: examplesFolder,
    env: environmentWithoutTenant,
    timeout: 120_000,
  });
  return stdout;
}

describe('examples run against the emulator', () => {
  it('pnpm demo (run-demo.ts → quickstart.ts) creates, pages, filters, updates, deletes and cleans up', async () => {
    const output = await runExample('run-demo.ts');
    expect(output).toMatch(/created 300 users/);
    expect(output).toMatch(/paged through 300 users in 3 pages/);
    expect(output).toMatch(/matched 10 users/);
    expect(output).toMatch(/reading it again answers 404 NOT_FOUND/);
    expect(output).toMatch(/cleaned up/);
  }, 150_000);

  it.each([
    'auth-sign-in.ts',
    'auth-protected-api.ts',
    'upload-logo.ts',
    'start-verify-transaction.ts',
    'issue-credential.ts',
    'authorize-decision.ts',
    'davinci-flow.ts',
    'evaluate-risk.ts',
    'mfa-policies.ts',
  ])(
    '%s finishes without error',
    async (file) => {
      await expect(runExample(file)).resolves.toEqual(expect.any(String));
    },
    150_000,
  );
});
