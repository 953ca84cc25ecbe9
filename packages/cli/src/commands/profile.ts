import { text } from 'node:stream/consumers';
import { credentialsFromEnvironment, profilesPath, saveProfile } from '../profiles.js';
import { UsageError } from '../usage-error.js';

/**
 * `pingone profile save NAME`: stores the PINGONE_* variables of this shell under NAME, the secret read
 * from stdin with `--secret-stdin` (so that it stays out of the shell's history). Prints the file, never the secret.
 */
export async function runProfileSave(name: string, options: { secretStdin?: boolean }): Promise<void> {
  if (!/^[\w.-]+$/.test(name))
    throw new UsageError(`profile name: expected letters, digits, . _ or -, got "${name}"`);
  const credentials = credentialsFromEnvironment();
  if (options.secretStdin) credentials.clientSecret = (await text(process.stdin)).trim();
  const missing = (['environmentId', 'clientId', 'clientSecret'] as const).filter((key) => !credentials[key]);
  if (missing.length) {
    throw new UsageError(
      `profile save: set PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID and PINGONE_CLIENT_SECRET (or --secret-stdin) first; missing ${missing.join(', ')}`,
    );
  }
  const path = await saveProfile(
    name,
    credentials as Required<Pick<typeof credentials, 'environmentId' | 'clientId' | 'clientSecret'>>,
  );
  process.stderr.write(`saved profile "${name}" in ${path} (readable by you only)\n`);
}

export function runProfilePath(): void {
  process.stdout.write(`${profilesPath()}\n`);
}
