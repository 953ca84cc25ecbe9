import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

// A family the emulator has no code for: everything it enforces comes from this spec.
const widget = {
  type: 'object',
  required: ['name'],
  properties: {
    id: { type: 'string', readOnly: true },
    name: { type: 'string' },
    color: { type: 'string', enum: ['blue', 'red'], default: 'blue' },
    population: { type: 'object', properties: { id: { type: 'string' } } },
    createdAt: { type: 'string', readOnly: true },
  },
};
const environmentId = { name: 'environmentId', in: 'path', required: true, schema: { type: 'string' } };
const error = { description: 'Failure.', content: { 'application/json': { schema: { type: 'object' } } } };
const spec = {
  openapi: '3.1.0',
  info: { title: 'widgets', version: '1' },
  paths: {
    '/environments/{environmentId}/widgets': {
      parameters: [environmentId],
      get: {
        operationId: 'listWidgets',
        'x-pingone-collection': {
          unique: ['name'],
          filters: { name: ['eq', 'sw'], color: ['eq'] },
          maximumCount: 2,
          references: { 'population.id': '/environments/{environmentId}/populations' },
        },
        parameters: [{ name: 'filter', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'A page.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    _embedded: {
                      type: 'object',
                      properties: {
                        widgets: { type: 'array', items: { $ref: '#/components/schemas/Widget' } },
                      },
                    },
                  },
                },
              },
            },
          },
          default: error,
        },
      },
      post: {
        operationId: 'createWidget',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
        },
        responses: {
          '201': {
            description: 'Created.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
          },
          default: error,
        },
      },
    },
  },
  components: { schemas: { Widget: widget } },
};

describe('a family described only by the spec', () => {
  let session: EmulatorSession;
  let widgets: string;
  const folder = mkdtempSync(join(tmpdir(), 'emulator-widgets-'));

  beforeAll(async () => {
    writeFileSync(join(folder, 'management.json'), JSON.stringify(spec));
    session = await startSession({ specDirectory: folder, validateResponses: true });
    widgets = `${session.environmentUrl}/widgets`;
  });
  afterAll(async () => {
    await session.emulator.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates with the schema defaults and checks references and uniqueness from x-pingone-collection', async () => {
    const created = await session.call('POST', widgets, {
      name: 'Gear',
      population: { id: session.emulator.defaultPopulationId },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Gear', color: 'blue' });

    const taken = await session.call('POST', widgets, { name: 'GEAR' });
    expect(taken.status).toBe(400);
    expect(taken.body.details).toMatchObject([{ code: 'UNIQUENESS_VIOLATION', target: 'name' }]);

    const dangling = await session.call('POST', widgets, { name: 'Cog', population: { id: 'nowhere' } });
    expect(dangling.status).toBe(400);
    expect(dangling.body.details).toMatchObject([{ code: 'INVALID_VALUE', target: 'population.id' }]);
  });

  it('filters on the attributes and operators the list names, and refuses others', async () => {
    await session.call('POST', widgets, { name: 'Sprocket', color: 'red' });
    const red = await session.call('GET', `${widgets}?filter=${encodeURIComponent('color eq "red"')}`);
    expect(red.body._embedded.widgets.map((item: { name: string }) => item.name)).toEqual(['Sprocket']);
    const unsupported = await session.call('GET', `${widgets}?filter=${encodeURIComponent('name co "o"')}`);
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.details).toMatchObject([{ code: 'INVALID_FILTER' }]);
  });

  it('refuses items past maximumCount', async () => {
    const third = await session.call('POST', widgets, { name: 'Spring' });
    expect(third.status).toBe(400);
    expect(third.body.details).toMatchObject([{ code: 'SIZE_LIMIT_EXCEEDED' }]);
  });
});
