import type { OpenApiDocument } from '@pingone-sdk/openapi';
import { describe, expect, it } from 'vitest';
import { buildOperations, creatableCollections } from './build-operations.js';

const answer = { responses: { '200': { description: 'ok' } } };
const document = (paths: OpenApiDocument['paths']): OpenApiDocument =>
  ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths }) as OpenApiDocument;

/** One service creates users; another serves the devices under a user. */
const directory = document({
  '/environments/{environmentId}/users': { post: { operationId: 'createUser', ...answer } },
});
const devices = document({
  '/environments/{environmentId}/users/{userId}/devices': { get: { operationId: 'listDevices', ...answer } },
});

describe('ancestor checks across services', () => {
  it('checks a parent that another service creates, when given every service', () => {
    const [listDevices] = buildOperations('mfa', devices, creatableCollections([directory, devices]));
    expect(listDevices?.ancestors).toEqual([
      { collectionLength: 1, idIndex: 1, noun: 'environment' },
      { collectionLength: 3, idIndex: 3, noun: 'user' },
    ]);
  });

  it('checks only the parents its own spec creates when given nothing else', () => {
    const [listDevices] = buildOperations('mfa', devices);
    expect(listDevices?.ancestors.map((check) => check.noun)).toEqual(['environment']);
  });
});
