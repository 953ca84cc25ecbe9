import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { JsonObject } from '../openapi-document.js';

/** The spec of the fixture's one service, `widgets`: two operations on a shared schema. */
export function widgetsSpec(): JsonObject {
  const widget = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } } };
  return {
    openapi: '3.1.0',
    info: { title: 'Widgets', version: '1' },
    paths: {
      '/widgets': {
        get: { operationId: 'listWidgets', responses: { '200': { description: 'OK', ...widget } } },
      },
      '/widgets/{widgetId}': {
        parameters: [{ name: 'widgetId', in: 'path', required: true, schema: { type: 'string' } }],
        delete: { operationId: 'deleteWidget', responses: { '204': { description: 'Deleted' } } },
      },
    },
    components: {
      schemas: { Widget: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
    },
  };
}

const surface = `import { deleteWidget, listWidgets } from '@pingone-sdk/widgets';

export async function use(): Promise<string[]> {
  await deleteWidget('id');
  return listWidgets();
}
`;

const declarations = `export declare function listWidgets(): Promise<string[]>;
export declare function deleteWidget(id: string): Promise<void>;
`;

/**
 * A throwaway git repository shaped like this one (spec/, packages/, .changeset/, surface tests),
 * so that tags, changesets and working-tree changes can be staged freely.
 */
export class FixtureRepository {
  readonly root = mkdtempSync(join(tmpdir(), 'pingone-sdk-release-fixture-'));

  constructor() {
    this.run('init', '--quiet', '--initial-branch=main');
    this.write('package.json', JSON.stringify({ name: 'fixture', private: true }));
    this.write('.changeset/README.md', '# Changesets\n');
    this.write('.changeset/config.json', '{}\n');
    this.writeSpec(widgetsSpec());
    this.write(
      'packages/widgets/package.json',
      JSON.stringify({
        name: '@pingone-sdk/widgets',
        version: '1.2.0',
        type: 'module',
        exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
      }),
    );
    this.write('packages/widgets/src/generated/index.ts', 'export const generation = 1;\n');
    this.write('packages/widgets/dist/index.d.ts', declarations);
    this.write(
      'tools/release/package.json',
      JSON.stringify({ name: '@pingone-sdk/release', private: true, type: 'module' }),
    );
    this.write('tools/release/surface/widgets.surface.ts', surface);
    this.commit('initial');
  }

  /** Runs git with a fixed identity and no signing, whatever the machine's configuration says. */
  run(...args: string[]): string {
    return execFileSync(
      'git',
      [
        '-c',
        'user.name=Fixture',
        '-c',
        'user.email=fixture@example.com',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'tag.gpgsign=false',
        ...args,
      ],
      {
        cwd: this.root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
      },
    );
  }

  write(path: string, content: string): void {
    const file = join(this.root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }

  remove(path: string): void {
    rmSync(join(this.root, path), { recursive: true, force: true });
  }

  /** The spec as JSON in openapi.yaml: JSON is YAML, and redocly reads it like any split spec. */
  writeSpec(document: JsonObject): void {
    this.write('spec/widgets/openapi.yaml', `${JSON.stringify(document, null, 2)}\n`);
  }

  commit(message: string): void {
    this.run('add', '--all');
    this.run('commit', '--quiet', '--allow-empty', '--message', message);
  }

  /** Tags HEAD the way `changeset publish` does. */
  release(version: string): void {
    this.run('tag', `@pingone-sdk/widgets@${version}`);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
