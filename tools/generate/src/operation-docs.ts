/**
 * What a user reads in the editor above each generated function, beyond the spec's summary and
 * description: the fields of its body (so a hover or a docs page shows them, not only a type name) and
 * an `@example` call with path parameters and a body that is valid against the spec, built from the
 * spec's own examples where it has them.
 */

type JsonObject = Record<string, unknown>;

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
// Where the spec gives no example, values shaped by the field's format.
const formatExamples: Record<string, unknown> = {
  uuid: '5caa81af-ec05-41ff-a709-c7378007a99c',
  email: 'ada@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(document: JsonObject, value: unknown): JsonObject {
  let current = value;
  for (let depth = 0; isObject(current) && typeof current.$ref === 'string' && depth < 20; depth++) {
    const pointer = current.$ref.replace(/^#\//, '').split('/');
    current = pointer.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  }
  return isObject(current) ? current : {};
}

/** A value valid against `schema`: its example, or one built from its required fields. */
export function exampleOf(document: JsonObject, reference: unknown, depth = 0): unknown {
  const schema = resolve(document, reference);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (depth > 8) return {};
  if (Array.isArray(schema.allOf)) {
    return Object.assign({}, ...schema.allOf.map((part) => exampleOf(document, part, depth + 1)));
  }
  const choices = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (Array.isArray(choices) && choices.length > 0) return exampleOf(document, choices[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((each) => each !== 'null') : schema.type;
  if (type === 'object' || isObject(schema.properties)) {
    const properties = (schema.properties ?? {}) as JsonObject;
    const required = (schema.required ?? []) as string[];
    return Object.fromEntries(
      required
        .filter((name) => name in properties && !resolve(document, properties[name]).readOnly)
        .map((name) => [name, exampleOf(document, properties[name], depth + 1)]),
    );
  }
  if (type === 'array') return [exampleOf(document, schema.items, depth + 1)];
  if (type === 'integer' || type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 1;
  if (type === 'boolean') return true;
  return formatExamples[String(schema.format)] ?? 'text';
}

/** Writes a value as a TypeScript literal: unquoted keys where they are identifiers, single quotes. */
export function literal(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${inner}${literal(item, inner)},`).join('\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `'${key}'`;
      return `${inner}${name}: ${literal(item, inner)},`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(value) ?? 'undefined';
}

function isBinary(schema: JsonObject): boolean {
  return schema.format === 'binary' || typeof schema.contentMediaType === 'string';
}

/** The fields of a body, one line each, as they appear in a hover and on the docs page. */
function bodyFields(document: JsonObject, schema: JsonObject): string[] {
  const properties = (schema.properties ?? {}) as JsonObject;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties)
    .filter(([, property]) => !resolve(document, property).readOnly)
    .map(([name, property]) => {
      const resolved = resolve(document, property);
      const own = isObject(property) ? (property.description as string | undefined) : undefined;
      const text = String(own ?? resolved.description ?? '')
        .replace(/\s+/g, ' ')
        .trim();
      const sentence = text.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? text;
      return `- \`${name}\`${required.has(name) ? ' (required)' : ''}${sentence ? `: ${sentence}` : ''}`;
    });
}

function callExample(document: JsonObject, name: string, operation: JsonObject): string[] {
  const parameters = ((operation.parameters ?? []) as unknown[]).map((each) => resolve(document, each));
  const argument: Record<string, unknown> = {};
  const path = Object.fromEntries(
    parameters
      .filter((parameter) => parameter.in === 'path' && parameter.name !== 'environmentId')
      .map((parameter) => [parameter.name, parameter.example ?? exampleOf(document, parameter.schema)]),
  );
  if (Object.keys(path).length > 0) argument.path = path;
  const query = Object.fromEntries(
    parameters
      .filter((parameter) => parameter.in === 'query' && parameter.required === true)
      .map((parameter) => [parameter.name, parameter.example ?? exampleOf(document, parameter.schema)]),
  );
  if (Object.keys(query).length > 0) argument.query = query;
  const [mediaType, media] = Object.entries(
    (resolve(document, operation.requestBody).content ?? {}) as JsonObject,
  )[0] ?? ['', undefined];
  let binaryBody = false;
  if (isObject(media)) {
    const schema = resolve(document, media.schema);
    const named = isObject(media.examples) ? Object.values(media.examples)[0] : undefined;
    if (isBinary(schema)) binaryBody = true;
    else
      argument.body =
        media.example ?? (isObject(named) ? named.value : undefined) ?? exampleOf(document, schema);
  }
  const body = literal(argument, '').replace(/^\{\n/, '').replace(/\n\}$/, '');
  const lines = ['{', '  client,', ...(body && body !== '{}' ? body.split('\n') : [])];
  if (binaryBody) lines.push(`  body: new Blob([bytes], { type: '${mediaType}' }),`);
  lines.push('}');
  const call = `const { data } = await ${name}(${lines.join('\n')});`;
  return ['@example', '```ts', ...call.split('\n'), '```'];
}

/** The doc lines to append to each operation's comment, by generated function name (the operationId). */
export function operationDocs(document: JsonObject): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  for (const item of Object.values((document.paths ?? {}) as JsonObject)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation.operationId !== 'string') continue;
      const merged = {
        ...operation,
        parameters: [
          ...((item.parameters ?? []) as unknown[]),
          ...((operation.parameters ?? []) as unknown[]),
        ],
      };
      const lines: string[] = [];
      const media = Object.values((resolve(document, operation.requestBody).content ?? {}) as JsonObject)[0];
      const fields = isObject(media) ? bodyFields(document, resolve(document, media.schema)) : [];
      if (fields.length > 0) lines.push('Body fields:', '', ...fields, '');
      lines.push(...callExample(document, operation.operationId, merged));
      docs.set(operation.operationId, lines);
    }
  }
  return docs;
}

/** Appends each operation's doc lines to the comment above its `export const` in sdk.gen.ts. */
export function withOperationDocs(source: string, docs: Map<string, string[]>): string {
  return source.replace(
    /(?:\/\*\*\n((?: \*.*\n)*?) \*\/\n)?export const (\w+) = /g,
    (match, comment: string | undefined, name: string) => {
      const extra = docs.get(name);
      if (!extra) return match;
      const existing = comment ? `${comment} *\n` : '';
      const added = extra.map((line) => (line ? ` * ${line.replace(/\*\//g, '*\\/')}` : ' *')).join('\n');
      return `/**\n${existing}${added}\n */\nexport const ${name} = `;
    },
  );
}
