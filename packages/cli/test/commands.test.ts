import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningEmulator, startEmulator } from '@pingone-sdk/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnvironment, runCli } from './run-cli.js';

/** The smallest PNG: a 1×1 transparent pixel. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('pingone api, images, token and profiles', () => {
  let emulator: RunningEmulator;
  let folder: string;
  let environment: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = await startEmulator({
      seed: { users: Array.from({ length: 250 }, (_, index) => ({ username: `listed${index}` })) },
    });
    folder = mkdtempSync(join(tmpdir(), 'pingone-cli-commands-'));
    environment = emulatorEnvironment(emulator);
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('calls an operation by its function name or its kebab-case name', async () => {
    const page = await runCli(['api', 'listUsers', '--query', 'limit=5'], environment);
    expect(page.code).toBe(0);
    expect(JSON.parse(page.stdout)._embedded.users).toHaveLength(5);
    const kebab = await runCli(['api', 'list-users', '--query', 'filter=username eq "listed7"'], environment);
    expect(
      JSON.parse(kebab.stdout)._embedded.users.map((user: { username: string }) => user.username),
    ).toEqual(['listed7']);
  });

  it.each([
    ['getMfaSettings', '@pingone-sdk/mfa', 'pairing'],
    ['listDecisionEndpoints', '@pingone-sdk/authorize', '_embedded'],
    ['listRiskPredictors', '@pingone-sdk/protect', '_embedded'],
    ['listVerifyPolicies', '@pingone-sdk/verify', '_embedded'],
    ['listCredentialTypes', '@pingone-sdk/credentials', '_embedded'],
    ['listConnectors', '@pingone-sdk/davinci', '_embedded'],
  ])('calls %s of %s like any other operation', async (operation, packageName, field) => {
    const help = await runCli(['api', operation, '--help'], environment);
    expect(help.stdout).toContain(`[${packageName},`);
    const result = await runCli(['api', operation], environment);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveProperty(field);
  });

  it('--all pages through a list as NDJSON', async () => {
    const result = await runCli(['api', 'listUsers', '--all', '--query', 'limit=100'], environment);
    expect(result.code).toBe(0);
    const usernames = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).username);
    expect(usernames).toHaveLength(250);
    expect(new Set(usernames).size).toBe(250);
  });

  it('sends a body from a file or stdin, checked against the spec first', async () => {
    const file = join(folder, 'population.json');
    writeFileSync(file, JSON.stringify({ name: 'From a file' }));
    const created = await runCli(['api', 'createPopulation', '--body', `@${file}`], environment);
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.stdout);
    const read = await runCli(['api', 'getPopulation', '--path', `populationId=${id}`], environment);
    expect(JSON.parse(read.stdout).name).toBe('From a file');

    const piped = await runCli(
      ['api', 'createUser', '--body', '-'],
      environment,
      '{"username":"piped","email":"piped@example.com"}',
    );
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout).username).toBe('piped');

    const refused = await runCli(['api', 'createUser', '--body', '{"email":"not-an-email"}'], environment);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('username: is required');
    expect(refused.stderr).toContain('email: must match format "email"');
  });

  it('answers usage errors with exit code 2 and the parameter at fault, PingOne errors with 1', async () => {
    const unknown = await runCli(['api', 'listUser'], environment);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown operation "listUser" (did you mean listUsers');
    const badParameter = await runCli(['api', 'getUser', '--path', 'id=1'], environment);
    expect(badParameter.code).toBe(2);
    expect(badParameter.stderr).toContain(
      '--path: this operation has no parameter "id" (it takes: environmentId, userId)',
    );
    const badLimit = await runCli(['api', 'listUsers', '--query', 'limit=many'], environment);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--query limit: expected an integer, got "many"');
    const missing = await runCli(
      ['api', 'getUser', '--path', 'userId=00000000-0000-4000-8000-000000000000'],
      environment,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/pingone: 404 NOT_FOUND .*\n(.*\n)*\s+correlation id: [\w-]+/);
    const noCredentials = await runCli(['api', 'listUsers'], { PATH: process.env.PATH });
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toContain('missing credentials: set PINGONE_ENVIRONMENT_ID');
  });

  it('describes an operation from the spec and lists operations by family', async () => {
    const help = await runCli(['api', 'createUser', '--help'], environment);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('POST /environments/{environmentId}/users');
    expect(help.stdout).toMatch(/username\s+string \(required\)/);
    expect(help.stdout).toMatch(/name\.given\s+string\|null/);
    const list = await runCli(['api', '--list', 'groups'], environment);
    expect(list.stdout).toMatch(/^Groups:\n\s+listGroups\s+/);
    expect(list.stdout).not.toContain('listUsers');
  });

  it('--verbose shows each request without the secret, before or after the command', async () => {
    for (const args of [
      ['--verbose', 'api', 'listUsers', '--query', 'limit=1'],
      ['api', 'listUsers', '--query', 'limit=1', '--verbose'],
    ]) {
      const result = await runCli(args, environment);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/GET .*\/users\?limit=1/);
      expect(result.stderr).not.toContain(emulator.clientSecret);
    }
  });

  it('uploads, reads and deletes an image', async () => {
    const file = join(folder, 'logo.png');
    writeFileSync(file, png);
    const uploaded = await runCli(['images', 'upload', file], environment);
    expect(uploaded.code).toBe(0);
    const image = JSON.parse(uploaded.stdout);
    expect(image.targets.original.href).toMatch(/^http/);
    const read = await runCli(['images', 'get', image.id], environment);
    expect(JSON.parse(read.stdout).id).toBe(image.id);
    expect((await runCli(['images', 'delete', image.id], environment)).code).toBe(0);
    expect((await runCli(['images', 'get', image.id], environment)).code).toBe(1);
    const notAnImage = join(folder, 'notes.txt');
    writeFileSync(notAnImage, 'hello');
    const refused = await runCli(['images', 'upload', notAnImage], environment);
    expect(refused.code).toBe(2);
  });

  it('prints a token only when asked, and keeps profiles readable by their owner only', async () => {
    const token = await runCli(['token'], environment);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    const config = join(folder, 'config');
    const saved = await runCli(['profile', 'save', 'emulator'], { ...environment, XDG_CONFIG_HOME: config });
    expect(saved.code).toBe(0);
    expect(saved.stderr + saved.stdout).not.toContain(emulator.clientSecret);
    expect(statSync(join(config, 'pingone', 'profiles.json')).mode & 0o777).toBe(0o600);
    const viaProfile = await runCli(['--profile', 'emulator', 'api', 'listUsers', '--query', 'limit=1'], {
      PATH: process.env.PATH,
      XDG_CONFIG_HOME: config,
    });
    expect(viaProfile.code).toBe(0);
    const unknownProfile = await runCli(['--profile', 'nope', 'api', 'listUsers'], {
      XDG_CONFIG_HOME: config,
    });
    expect(unknownProfile.code).toBe(2);
    expect(unknownProfile.stderr).toContain('--profile: no profile named "nope"');
  });
});
