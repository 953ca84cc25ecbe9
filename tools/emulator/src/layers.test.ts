import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Layers point one way: server → behaviours → state. A lower layer importing a higher one would let a
// store change depend on HTTP handling, and makes cycles that break module initialisation order.
const source = dirname(fileURLToPath(import.meta.url));
const forbidden: Record<string, readonly string[]> = {
  state: ['behaviours', 'server'],
  behaviours: ['server'],
};

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from\s+['"](\.[^'"]+)['"]/gm)].map((match) =>
    relative(source, resolve(dirname(file), match[1] ?? '')),
  );
}

describe.each(Object.entries(forbidden))('src/%s', (layer, above) => {
  const files = readdirSync(join(source, layer), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

  it(`imports nothing from ${above.join(' or ')}`, () => {
    expect(files.length).toBeGreaterThan(0);
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => above.some((layerAbove) => target.startsWith(`${layerAbove}/`)))
        .map((target) => `${relative(source, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
