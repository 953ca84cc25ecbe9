import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { type Client, paginate } from '@pingone-sdk/core';
import { bodyValidator } from '../body-validator.js';
import type { CommandEntry } from '../command-table.js';
import { commandTable } from '../generated/commands.gen.js';
import { parseKeyValues } from '../key-values.js';
import { findOperation, kebabCase, loadOperation } from '../operation-lookup.js';
import { OutputStream } from '../output-stream.js';
import { UsageError } from '../usage-error.js';

export interface ApiOptions {
  path?: string[];
  query?: string[];
  body?: string;
  all?: boolean;
  list?: string | boolean;
  help?: boolean;
}

/** `pingone api --list [family]`: operations grouped by family. */
export function listOperations(family: string | undefined): string {
  const wanted = family?.toLowerCase();
  const groups = new Map<string, CommandEntry[]>();
  for (const entry of commandTable.commands) {
    if (wanted && !entry.family.toLowerCase().includes(wanted) && entry.service !== wanted) continue;
    groups.set(entry.family, [...(groups.get(entry.family) ?? []), entry]);
  }
  if (groups.size === 0) throw new UsageError(`--list: no family matches "${family}"`);
  const width = Math.max(...commandTable.commands.map((entry) => entry.name.length));
  const lines: string[] = [];
  for (const [name, entries] of groups) {
    lines.push(`${name}:`);
    for (const entry of entries) lines.push(`  ${entry.name.padEnd(width)}  ${entry.summary}`);
  }
  return lines.join('\n');
}

type JsonObject = Record<string, unknown>;

function resolveSchema(service: string, schema: unknown): JsonObject {
  let node = (schema ?? {}) as JsonObject;
  for (let depth = 0; typeof node.$ref === 'string' && depth < 10; depth++) {
    const name = node.$ref.split('/').pop() ?? '';
    node = (commandTable.schemas[service]?.[name] ?? {}) as JsonObject;
  }
  return node;
}

function fieldType(service: string, schema: unknown): string {
  const resolved = resolveSchema(service, schema);
  if (Array.isArray(resolved.enum)) return resolved.enum.join('|');
  if (resolved.type === 'array') return `${fieldType(service, resolved.items)}[]`;
  if (typeof resolved.type === 'string') return resolved.type;
  if (Array.isArray(resolved.type)) return resolved.type.join('|');
  return 'object';
}

/** The fields of a body, one level into nested objects, as `name.given  string`. */
function bodyFields(service: string, schema: unknown, prefix = '', depth = 0): string[] {
  const resolved = resolveSchema(service, schema);
  const properties = (resolved.properties ?? {}) as Record<string, unknown>;
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  const lines: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const resolvedProperty = resolveSchema(service, property);
    if (resolvedProperty.readOnly === true) continue;
    const type = fieldType(service, property);
    lines.push(`  ${`${prefix}${name}`.padEnd(32)} ${type}${required.has(name) ? ' (required)' : ''}`);
    if (type === 'object' && depth < 1)
      lines.push(...bodyFields(service, property, `${prefix}${name}.`, depth + 1));
  }
  return lines;
}

/** `pingone api <operation> --help`: what the operation sends and takes, from the spec. */
export function describeOperation(entry: CommandEntry): string {
  const lines = [
    `${entry.name} (${kebabCase(entry.name)}): ${entry.summary}`,
    `  ${entry.method} ${entry.path}  [@pingone-sdk/${entry.service}, ${entry.family}]`,
    '',
  ];
  const parameterLines = (option: string, parameters: CommandEntry['pathParameters']) =>
    parameters.map(
      (parameter) =>
        `  ${option} ${`${parameter.name}=<${parameter.type}>`.padEnd(36)}${parameter.required ? ' (required)' : ''}${
          parameter.name === 'environmentId' ? ' (default: PINGONE_ENVIRONMENT_ID)' : ''
        }${parameter.description ? `  ${parameter.description}` : ''}`,
    );
  if (entry.pathParameters.length)
    lines.push('Path parameters:', ...parameterLines('--path', entry.pathParameters), '');
  if (entry.queryParameters.length)
    lines.push('Query parameters:', ...parameterLines('--query', entry.queryParameters), '');
  if (entry.body) {
    lines.push(
      `Body (--body @file.json, - for stdin, or inline JSON; ${entry.body.contentType}${entry.body.required ? ', required' : ''}):`,
      ...bodyFields(entry.service, entry.body.schema),
      '',
    );
  }
  if (entry.list) lines.push('--all pages through every item and writes NDJSON, one item a line.', '');
  lines.push(
    `Example: pingone api ${entry.name}${entry.pathParameters
      .filter((p) => p.name !== 'environmentId')
      .map((p) => ` --path ${p.name}=…`)
      .join('')}`,
  );
  return lines.join('\n');
}

async function readBody(argument: string): Promise<unknown> {
  const source =
    argument === '-'
      ? await text(process.stdin)
      : argument.startsWith('@')
        ? await readFile(argument.slice(1), 'utf8').catch((error: Error) => {
            throw new UsageError(`--body: cannot read ${argument.slice(1)}: ${error.message}`);
          })
        : argument;
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new UsageError(
      `--body: expected JSON (@file.json, - for stdin, or inline), ${(error as Error).message}`,
    );
  }
}

/** Runs one operation; the answer goes to stdout as JSON, or as NDJSON items with `--all`. */
export async function runApi(
  operationName: string | undefined,
  options: ApiOptions,
  client: () => Promise<Client>,
  printHelp: () => string,
): Promise<void> {
  if (options.list !== undefined && options.list !== false) {
    process.stdout.write(
      `${listOperations(typeof options.list === 'string' ? options.list : operationName)}\n`,
    );
    return;
  }
  if (operationName === undefined) {
    if (options.help) {
      process.stdout.write(printHelp());
      return;
    }
    throw new UsageError(
      'api: name an operation (`pingone api --list` shows them), e.g. `pingone api listUsers`',
    );
  }
  const entry = findOperation(operationName);
  if (options.help) {
    process.stdout.write(`${describeOperation(entry)}\n`);
    return;
  }
  const path = parseKeyValues('--path', options.path ?? [], entry.pathParameters);
  const query = parseKeyValues('--query', options.query ?? [], entry.queryParameters);
  const missing = entry.pathParameters.filter(
    (parameter) =>
      parameter.required && parameter.name !== 'environmentId' && path[parameter.name] === undefined,
  );
  if (missing.length) {
    throw new UsageError(
      `${entry.name} needs ${missing.map((parameter) => `--path ${parameter.name}=<${parameter.type}>`).join(' ')}`,
    );
  }
  let body: unknown;
  if (options.body !== undefined) {
    if (!entry.body) throw new UsageError(`--body: ${entry.name} takes no body`);
    body = await readBody(options.body);
    const problems = bodyValidator(entry.service, entry.body.schema)(body);
    if (problems.length) {
      throw new UsageError(
        `--body does not fit ${entry.name}:\n${problems.map((problem) => `  ${problem.field || '(body)'}: ${problem.message}`).join('\n')}`,
      );
    }
  } else if (entry.body?.required) {
    throw new UsageError(`${entry.name} needs --body (@file.json, - for stdin, or inline JSON)`);
  }
  if (options.all && !entry.list) throw new UsageError(`--all: ${entry.name} does not answer a list`);

  const operation = await loadOperation(entry);
  const call = { client: await client(), path, query, ...(body !== undefined ? { body } : {}) };
  const output = new OutputStream();
  if (options.all) {
    for await (const item of paginate(operation as never, call as never)) {
      await output.write(`${JSON.stringify(item)}\n`);
    }
  } else {
    const { data } = (await operation(call)) as { data: unknown };
    if (data !== undefined && data !== null && data !== '')
      await output.write(`${JSON.stringify(data, null, 2)}\n`);
  }
  await output.close();
}
