import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from './usage-error.js';

/** What the CLI needs to reach one PingOne environment; the same names as the environment variables. */
export interface Credentials {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  region?: string;
  apiUrl?: string;
  authUrl?: string;
}

const variables: Record<keyof Credentials, string> = {
  environmentId: 'PINGONE_ENVIRONMENT_ID',
  clientId: 'PINGONE_CLIENT_ID',
  clientSecret: 'PINGONE_CLIENT_SECRET',
  region: 'PINGONE_REGION',
  apiUrl: 'PINGONE_API_URL',
  authUrl: 'PINGONE_AUTH_URL',
};

/** `$XDG_CONFIG_HOME/pingone/profiles.json`, `%APPDATA%\pingone\profiles.json` on Windows. */
export function profilesPath(environment: NodeJS.ProcessEnv = process.env): string {
  const base =
    environment.XDG_CONFIG_HOME ||
    (process.platform === 'win32' && environment.APPDATA) ||
    join(homedir(), '.config');
  return join(base, 'pingone', 'profiles.json');
}

async function readProfiles(path: string): Promise<Record<string, Partial<Credentials>>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, Partial<Credentials>>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UsageError(`cannot read the profiles file ${path}: ${(error as Error).message}`);
  }
}

/** Credentials from the environment variables. */
export function credentialsFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): Partial<Credentials> {
  const found: Partial<Credentials> = {};
  for (const [key, name] of Object.entries(variables) as Array<[keyof Credentials, string]>) {
    const value = environment[name];
    if (value) found[key] = value;
  }
  return found;
}

/**
 * The credentials to use: the named profile when `--profile` is given (environment variables still
 * override single fields), else the environment variables. Names the missing ones, never a value.
 */
export async function loadCredentials(
  profile: string | undefined,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<Credentials> {
  let stored: Partial<Credentials> = {};
  if (profile !== undefined) {
    const path = profilesPath(environment);
    const profiles = await readProfiles(path);
    const found = profiles[profile];
    if (found === undefined) throw new UsageError(`--profile: no profile named "${profile}" in ${path}`);
    stored = found;
  }
  const merged = { ...stored, ...credentialsFromEnvironment(environment) };
  const missing = (['environmentId', 'clientId', 'clientSecret'] as const)
    .filter((key) => !merged[key])
    .map((key) => variables[key]);
  if (missing.length > 0) {
    throw new UsageError(
      `missing credentials: set ${missing.join(', ')} or use --profile NAME (see \`pingone profile save --help\`)`,
    );
  }
  return merged as Credentials;
}

/** Stores a profile, readable by its owner only (the file holds a client secret). */
export async function saveProfile(
  name: string,
  credentials: Credentials,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const path = profilesPath(environment);
  const profiles = await readProfiles(path);
  profiles[name] = credentials;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(profiles, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
  return path;
}
