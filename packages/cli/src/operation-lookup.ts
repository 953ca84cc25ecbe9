import type { CommandEntry } from './command-table.js';
import { commandTable } from './generated/commands.gen.js';
import { UsageError } from './usage-error.js';

/** `list-users` → `listUsers`; a camelCase name stays as it is. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `listUsers` → `list-users`. */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

const byName = new Map(commandTable.commands.map((entry) => [entry.name.toLowerCase(), entry]));

/** The table entry of an operation named in either form; a usage error suggesting near names otherwise. */
export function findOperation(name: string): CommandEntry {
  const entry = byName.get(camelCase(name).toLowerCase());
  if (entry) return entry;
  const needle = camelCase(name).toLowerCase();
  const near = commandTable.commands
    .map((candidate) => candidate.name)
    .filter(
      (candidate) => candidate.toLowerCase().includes(needle) || needle.includes(candidate.toLowerCase()),
    )
    // The nearest in length first: `listUser` means `listUsers` sooner than `listUserCredentials`.
    .sort((a, b) => Math.abs(a.length - needle.length) - Math.abs(b.length - needle.length))
    .slice(0, 5);
  throw new UsageError(
    `unknown operation "${name}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; \`pingone api --list\` shows them all`,
  );
}

/** Loads the SDK function of an operation from its package's exports. */
export async function loadOperation(entry: CommandEntry): Promise<(options: unknown) => Promise<unknown>> {
  const packageName = `@pingone-sdk/${entry.service}`;
  let module: Record<string, unknown>;
  try {
    module = (await import(packageName)) as Record<string, unknown>;
  } catch {
    throw new UsageError(`${entry.name} needs ${packageName}, which is not installed next to the CLI`);
  }
  const operation = module[entry.name];
  if (typeof operation !== 'function') {
    throw new UsageError(
      `${packageName} does not export ${entry.name}; it is reached through a checked helper of that package (see \`pingone ${entry.service} --help\`)`,
    );
  }
  return operation as (options: unknown) => Promise<unknown>;
}
