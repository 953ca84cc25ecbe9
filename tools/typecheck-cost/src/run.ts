import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFromDocument } from '@pingone-sdk/generate/generate';
import { loadServiceDocument } from '@pingone-sdk/generate/spec-document';
import { countOperations, doubleDocument } from './double-spec.js';
import { added, type Cost, measureFiles } from './measure-typecheck.js';

/**
 * What importing one management operation adds to a user's type check (`tsc --extendedDiagnostics`:
 * CPU time of the process, its Total time, types and declaration lines; least of interleaved rounds),
 * against a file importing nothing, with and without
 * `skipLibCheck`: for the published package as built, for declarations generated from today's spec, and
 * for a synthetic spec with twice the operations. The scratch packages sit in `.scratch/` inside this
 * package so that they resolve @pingone-sdk/core like a user's project does.
 */
const rounds = Number(process.env.TYPECHECK_ROUNDS ?? 5);
const scratch = join(dirname(fileURLToPath(import.meta.url)), '..', '.scratch');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });

/** Generates a spec the way the generator does, then compiles it to declarations as `pnpm build` would. */
async function declarationPackage(name: string, document: Record<string, unknown>): Promise<void> {
  const folder = join(scratch, name);
  // A copy each time: hey-api may annotate the document it is given.
  const input = structuredClone(document);
  await generateFromDocument(input, join(folder, 'src', 'generated'), [`// ${name}: benchmark scratch`]);
  writeFileSync(join(folder, 'src', 'index.ts'), "export * from './generated/index.js';\n");
  execFileSync(process.execPath, [
    tsc,
    ...['--declaration', '--emitDeclarationOnly', '--skipLibCheck', '--strict'],
    ...['--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022'],
    ...['--outDir', join(folder, 'dist'), join(folder, 'src', 'index.ts')],
  ]);
}

const consumer = (from: string, operation: string) => `import { ${operation} } from '${from}';

declare const client: Parameters<typeof ${operation}>[0]['client'];
const { data } = await ${operation}({ client, path: { userId: 'ada' } });
export const username: string = data.username;
`;

const document = await loadServiceDocument('management');
const doubled = doubleDocument(document);
await declarationPackage('today', document);
await declarationPackage('doubled', doubled);
writeFileSync(join(scratch, 'baseline.ts'), 'export const nothing = 0;\n');
writeFileSync(join(scratch, 'published.ts'), consumer('@pingone-sdk/management', 'getUser'));
writeFileSync(join(scratch, 'today.ts'), consumer('./today/dist/index.js', 'getUser'));
writeFileSync(join(scratch, 'doubled.ts'), consumer('./doubled/dist/index.js', 'getUserCopy'));

const files = ['baseline.ts', 'published.ts', 'today.ts', 'doubled.ts'];
const columns = [
  ['published.ts', 'published package'],
  ['today.ts', `today's spec (${countOperations(document)} operations)`],
  ['doubled.ts', `doubled spec (${countOperations(doubled)})`],
] as const;
console.log(
  `Type-check cost of importing one operation, over a file importing nothing (${rounds} rounds):\n`,
);
console.log(`| skipLibCheck | ${columns.map(([, title]) => title).join(' | ')} | doubled / today |`);
console.log(`| --- | ${columns.map(() => '---').join(' | ')} | --- |`);
for (const skipLibCheck of [true, false]) {
  const costs = measureFiles(scratch, files, skipLibCheck, rounds);
  const baseline = costs.get('baseline.ts') as Cost;
  const over = (file: string) => added(costs.get(file) as Cost, baseline);
  const cells = columns.map(([file]) => {
    const cost = over(file);
    return `${cost.seconds.toFixed(2)} s CPU (${cost.wallSeconds.toFixed(2)} s wall), ${cost.types.toLocaleString('en')} types, ${cost.declarationLines.toLocaleString('en')} lines`;
  });
  const ratio = over('doubled.ts').seconds / over('today.ts').seconds;
  const typeRatio = over('doubled.ts').types / over('today.ts').types;
  console.log(
    `| ${skipLibCheck} | ${cells.join(' | ')} | ${ratio.toFixed(2)}× time, ${typeRatio.toFixed(2)}× types |`,
  );
}
rmSync(scratch, { recursive: true, force: true });
