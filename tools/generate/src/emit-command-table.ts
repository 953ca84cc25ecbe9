import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isObject, resolveReference } from '@pingone-sdk/openapi';
// The CLI owns the table's shape; this emitter writes data of that shape.
import type { CommandEntry, CommandParameter } from '../../../packages/cli/src/command-table.js';
import { findServices, repositoryRoot, type Service } from './services.js';
import { loadServiceDocument } from './spec-document.js';

/**
 * The command table of `pingone api`: every operation of every service that runs on the management
 * client, as data (name, method, path, parameters, body schema), plus each service's schemas so the
 * CLI can validate a body before sending it. The auth host is left out: its operations belong to an
 * application's own sign-on flows and credentials, not to an administrator's worker.
 */

type JsonObject = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'patch', 'delete'];
const excludedServices = new Set(['auth']);
/** Prose and samples only make the table heavier; the CLI shows summaries and names. */
const droppedSchemaKeys = new Set(['description', 'example', 'examples']);

/** Where `pnpm generate` writes the table. */
export const commandTablePath = join(
  repositoryRoot,
  'packages',
  'cli',
  'src',
  'generated',
  'commands.gen.ts',
);

/** What a value, or the `$ref` it holds, stands for; an empty object where that is no object. */
function resolve(document: JsonObject, value: unknown): JsonObject {
  const resolved = resolveReference(document, value);
  return isObject(resolved) ? resolved : {};
}

function typeOf(schema: JsonObject): string {
  if (Array.isArray(schema.enum)) return schema.enum.join('|');
  if (schema.type === 'array' && isObject(schema.items)) return `${typeOf(schema.items)}[]`;
  if (Array.isArray(schema.type)) return schema.type.join('|');
  return typeof schema.type === 'string' ? schema.type : 'object';
}

function parameters(document: JsonObject, item: JsonObject, operation: JsonObject, place: string) {
  const all = [...((item.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])].map(
    (parameter) => resolve(document, parameter),
  );
  const byName = new Map<string, CommandParameter>();
  for (const parameter of all) {
    if (parameter.in !== place || typeof parameter.name !== 'string') continue;
    const schema = resolve(document, parameter.schema);
    byName.set(parameter.name, {
      name: parameter.name,
      required: parameter.required === true,
      type: typeOf(schema),
      ...(typeof parameter.description === 'string'
        ? { description: parameter.description.split('\n')[0] }
        : {}),
    });
  }
  return [...byName.values()];
}

/**
 * The request view of a schema, as the CLI validates bodies: prose and samples dropped, and read-only
 * fields (ids, links, timestamps the server sets) neither required nor listed.
 */
function requestView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((entry) => requestView(entry));
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  const readOnly = new Set<string>();
  if (isObject(value.properties)) {
    for (const [name, property] of Object.entries(value.properties)) {
      if (isObject(property) && property.readOnly === true) readOnly.add(name);
    }
  }
  for (const [key, entry] of Object.entries(value)) {
    if (droppedSchemaKeys.has(key)) continue;
    if (key === 'required' && Array.isArray(entry)) {
      result[key] = entry.filter((name) => !readOnly.has(name));
      continue;
    }
    if (key === 'properties' && isObject(entry)) {
      const kept: JsonObject = {};
      for (const [name, property] of Object.entries(entry)) {
        if (!readOnly.has(name)) kept[name] = requestView(property);
      }
      result[key] = kept;
      continue;
    }
    result[key] = requestView(entry);
  }
  return result;
}

function isListResponse(document: JsonObject, operation: JsonObject): boolean {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const ok = resolve(document, responses['200']);
  const content = isObject(ok.content) ? Object.values(ok.content)[0] : undefined;
  const schema = resolve(document, isObject(content) ? content.schema : undefined);
  // A page embeds arrays (`_embedded.users`); a single user also has `_embedded`, for expanded references.
  const embedded = resolve(document, isObject(schema.properties) ? schema.properties._embedded : undefined);
  return Object.values(isObject(embedded.properties) ? embedded.properties : {}).some(
    (property) => resolve(document, property).type === 'array',
  );
}

/** The table entries of one expanded service document (see spec-document.ts). */
export function commandEntries(service: string, document: JsonObject): CommandEntry[] {
  const entries: CommandEntry[] = [];
  for (const [key, item] of Object.entries((document.paths ?? {}) as Record<string, JsonObject>)) {
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
      const requestBody = resolve(document, operation.requestBody);
      const content = isObject(requestBody.content) ? Object.entries(requestBody.content)[0] : undefined;
      entries.push({
        name: operation.operationId,
        service,
        family: (operation.tags as string[] | undefined)?.[0] ?? 'Other',
        summary: typeof operation.summary === 'string' ? operation.summary : '',
        method: method.toUpperCase(),
        // Expanded actions share a URL and differ by media type; `#action` is the expansion's suffix.
        path: key.split('#')[0] ?? key,
        pathParameters: parameters(document, item, operation, 'path'),
        queryParameters: parameters(document, item, operation, 'query'),
        ...(content && isObject(content[1])
          ? {
              body: {
                contentType: content[0],
                required: requestBody.required === true,
                schema: requestView(content[1].schema ?? {}),
              },
            }
          : {}),
        list: method === 'get' && isListResponse(document, operation),
      });
    }
  }
  return entries;
}

/** The source of commands.gen.ts for the given services. */
export async function commandTableSource(services: Service[] = findServices()): Promise<string> {
  const included = services.filter((service) => !excludedServices.has(service.name));
  const commands: CommandEntry[] = [];
  const schemas: Record<string, unknown> = {};
  for (const service of included) {
    const document = await loadServiceDocument(service.name);
    commands.push(...commandEntries(service.name, document));
    const components = isObject(document.components) ? document.components : {};
    schemas[service.name] = Object.fromEntries(
      Object.entries(isObject(components.schemas) ? components.schemas : {}).map(([name, schema]) => [
        name,
        requestView(schema),
      ]),
    );
  }
  const header = [
    '// Generated by tools/generate (emit-command-table.ts) from',
    ...included.map((service) => `//   spec/${service.name} (sha256 ${service.specSha256})`),
    '// Do not edit: change the spec or tools/generate, then run `pnpm generate`.',
  ];
  return [
    ...header,
    "import type { CommandTable } from '../command-table.js';",
    '',
    `export const commandTable: CommandTable = ${JSON.stringify({ commands, schemas })};`,
    '',
  ].join('\n');
}

/** Writes the table where the CLI reads it, formatted like every other generated file. */
export async function writeCommandTable(path = commandTablePath, services?: Service[]): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, await commandTableSource(services));
  execFileSync(
    join(repositoryRoot, 'node_modules', '.bin', 'biome'),
    [
      'format',
      '--write',
      `--config-path=${join(repositoryRoot, 'biome.json')}`,
      // Also for a scratch copy outside the work tree (the drift test).
      '--vcs-use-ignore-file=false',
      path,
    ],
    { stdio: 'pipe' },
  );
}
