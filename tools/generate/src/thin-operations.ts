/**
 * hey-api's sdk plugin writes a client-agnostic shape: a per-package `Options` type with a `meta` no
 * hook reads, and a `ThrowOnError` type parameter on every function although the core always throws.
 * This rewrite leaves each operation a one-line call into the core, typed by the core's
 * `OperationOptions`, so that no package exports an `Options` of its own and nothing misleads.
 * It fails loudly when hey-api's output no longer has the expected shape, rather than leave it half done.
 */

const coreImport = /^import (?:type )?\{[^}]*\} from '@pingone-sdk\/core';\n/m;
const optionsType = /^export type Options<[\s\S]*?^};\n/m;
const operation =
  /= <ThrowOnError extends boolean = false>\(\s*options: Options<(\w+), ThrowOnError>,?\s*\) =>\s*options\.client\.(\w+)<(\w+), \w+, ThrowOnError>\(/g;
const serializers = ['formDataBodySerializer', 'urlSearchParamsBodySerializer'];

/** Rewrites the text of one sdk.gen.ts; see the file comment. */
export function thinOperations(source: string): string {
  if (!coreImport.test(source) || !optionsType.test(source)) {
    throw new Error('sdk.gen.ts no longer has the shape thinOperations rewrites: update tools/generate');
  }
  let text = source.replace(optionsType, '');
  // The declared return type keeps the emitted declarations to names imported at the top of the file.
  text = text.replace(operation, (_match, data: string, method: string, responses: string) => {
    const signature = `(options: OperationOptions<${data}>): OperationResult<${responses}>`;
    return `= ${signature} =>\n  options.client.${method}<${responses}>(`;
  });
  const used = serializers.filter((name) => text.includes(`...${name}`));
  const statement =
    used.length === 0
      ? "import type { OperationOptions, OperationResult } from '@pingone-sdk/core/internal';"
      : `import { type OperationOptions, type OperationResult, ${used.join(', ')} } from '@pingone-sdk/core/internal';`;
  text = text.replace(coreImport, `${statement}\n`);
  text = dropUnusedTypeImports(text);
  const leftover = ['ThrowOnError', 'Options2', 'meta?:', 'TDataShape'].find((word) => text.includes(word));
  if (leftover) throw new Error(`sdk.gen.ts still mentions ${leftover} after thinOperations`);
  return text;
}

/** Error maps were only type arguments of the calls; the import keeps what the file still uses. */
function dropUnusedTypeImports(text: string): string {
  return text.replace(/import type \{([^}]*)\} from '\.\/types\.gen\.js';/, (_match, list: string) => {
    const body = text.slice(text.indexOf("from './types.gen.js';"));
    const kept = list
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && new RegExp(`\\b${name}\\b`).test(body));
    return `import type { ${kept.join(', ')} } from './types.gen.js';`;
  });
}
