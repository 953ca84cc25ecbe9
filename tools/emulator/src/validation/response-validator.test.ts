import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error.js';
import { buildOperations } from '../spec/build-operations.js';
import { loadSpecs } from '../spec/load-specs.js';
import { ResponseValidator } from './response-validator.js';

const document = loadSpecs().get('management');
if (!document) throw new Error('the management spec is not bundled');
const validator = new ResponseValidator('management', document);
const operations = new Map(
  buildOperations('management', document).map((operation) => [operation.operationId, operation]),
);
const getUser = operations.get('getUser');
const deleteUser = operations.get('deleteUser');
if (!getUser || !deleteUser) throw new Error('getUser or deleteUser is missing from the spec');

function failure(check: () => void): ApiError {
  try {
    check();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the answer to be refused');
}

describe('ResponseValidator', () => {
  const user = {
    id: '0a4e2b36-8a4d-4bd4-9b63-7c6f0cbd8f01',
    username: 'ada',
    environment: { id: '5caa81af-ec05-41ff-a709-c7378007a99c' },
    population: { id: '0b2a3c4d-5e6f-4071-8293-a4b5c6d7e8f9' },
    enabled: true,
    createdAt: '2024-05-02T09:14:21.012Z',
    updatedAt: '2024-05-02T09:14:21.012Z',
  };

  it('lets an answer the spec allows through', () => {
    expect(() => validator.check(getUser, undefined, { status: 200, body: user })).not.toThrow();
    expect(() => validator.check(deleteUser, undefined, { status: 204 })).not.toThrow();
  });

  it('refuses a body that breaks the schema with a 500 naming the operation and the field', () => {
    const error = failure(() =>
      validator.check(getUser, undefined, { status: 200, body: { ...user, username: 42 } }),
    );
    expect(error.status).toBe(500);
    expect(error.message).toMatch(
      /getUser does not match the spec: the 200 body breaks the schema: \/username/,
    );
  });

  it('refuses a success status the operation does not declare', () => {
    const error = failure(() => validator.check(deleteUser, undefined, { status: 200, body: user }));
    expect(error.message).toMatch(/deleteUser does not match the spec: status 200 is not declared/);
  });
});

describe('ResponseValidator on an action with responses of its own', () => {
  const mfa = loadSpecs().get('mfa');
  if (!mfa) throw new Error('the mfa spec is not bundled');
  const mfaValidator = new ResponseValidator('mfa', mfa);
  const createDevice = buildOperations('mfa', mfa).find(
    (operation) => operation.operationId === 'createUserMfaDevice',
  );
  const reorder = createDevice?.mediaTypes.get('application/vnd.pingidentity.devices.reorder+json');
  if (!createDevice || !reorder) throw new Error('createUserMfaDevice or its reorder action is missing');

  it('holds the action to its own success body, not its operation’s', () => {
    const order = { order: [{ id: '0a4e2b36-8a4d-4bd4-9b63-7c6f0cbd8f01' }] };
    expect(() => mfaValidator.check(createDevice, reorder, { status: 200, body: order })).not.toThrow();
    const device = { id: '0a4e2b36-8a4d-4bd4-9b63-7c6f0cbd8f01', type: 'EMAIL', email: 'ada@example.com' };
    expect(() => mfaValidator.check(createDevice, undefined, { status: 201, body: device })).not.toThrow();
    expect(
      failure(() => mfaValidator.check(createDevice, reorder, { status: 200, body: device })).message,
    ).toMatch(/reorderUserMfaDevices does not match the spec: the 200 body breaks the schema/);
    expect(
      failure(() => mfaValidator.check(createDevice, reorder, { status: 201, body: order })).message,
    ).toMatch(/status 201 is not declared/);
  });
});
