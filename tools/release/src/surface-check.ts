import ts from 'typescript';

/** One surface test file to type-check, and the package whose public API it exercises. */
export interface SurfaceFile {
  packageName: string;
  /** Absolute path of the `.ts` file. */
  path: string;
}

/** A type error found in a surface file (or a global one, without `file`). */
export interface SurfaceProblem {
  packageName?: string;
  file?: string;
  message: string;
}

/**
 * The settings a strict user would compile with, plus `paths` that send every package import to the
 * current build's declarations: the check sees exactly what would be published, not the sources.
 */
function compilerOptions(packageTypes: ReadonlyMap<string, string>): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    // No @types: the published packages must not need Node's types to be used.
    types: [],
    paths: Object.fromEntries([...packageTypes].map(([name, entry]) => [name, [entry]])),
  };
}

/**
 * Parsed (and bound) declaration files, kept for the life of the process: the DOM and ES libraries
 * alone take seconds to parse, and every check after the first reuses them.
 */
const parsedDeclarations = new Map<string, { text: string; file: ts.SourceFile }>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.endsWith('.d.ts')) return read(fileName, languageVersion, onError, shouldCreate);
    const text = host.readFile(fileName);
    const cached = parsedDeclarations.get(fileName);
    if (cached !== undefined && cached.text === text) return cached.file;
    const file = read(fileName, languageVersion, onError, shouldCreate);
    if (file !== undefined && text !== undefined) parsedDeclarations.set(fileName, { text, file });
    return file;
  };
  return host;
}

function describe(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file === undefined || diagnostic.start === undefined) return text;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `line ${line + 1}:${character + 1}: ${text}`;
}

/**
 * Type-checks surface files in one program (one pass over the packages' declarations) and returns
 * the errors, each attributed to the surface file and package it was found in.
 * Files must sit under a package.json with `"type": "module"`, as users' ESM code does.
 */
export function typeCheckSurfaces(
  files: readonly SurfaceFile[],
  packageTypes: ReadonlyMap<string, string>,
): SurfaceProblem[] {
  if (files.length === 0) return [];
  const options = compilerOptions(packageTypes);
  const program = ts.createProgram({
    rootNames: files.map((file) => file.path),
    options,
    host: cachingHost(options),
  });
  const owners = new Map(files.map((file) => [file.path, file]));
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const owner = diagnostic.file === undefined ? undefined : owners.get(diagnostic.file.fileName);
    if (owner === undefined) return { message: describe(diagnostic) };
    return { packageName: owner.packageName, file: owner.path, message: describe(diagnostic) };
  });
}

/** Where a package's surface test lives, relative to the repository: one file per published package. */
export function surfacePath(shortName: string): string {
  return `tools/release/surface/${shortName}.surface.ts`;
}
