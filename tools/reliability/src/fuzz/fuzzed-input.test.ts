import { InvalidArgumentError } from '@pingone-sdk/core';
import { createManagementClient, createUser, getUser, listUsers } from '@pingone-sdk/management';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fuzzSettings } from './fuzz-settings.js';
import { type RecordingServer, startRecordingServer } from './recording-server.js';

/**
 * Whatever a caller passes, it either fails with InvalidArgumentError before any request is sent, or
 * reaches the server exactly as given: a path parameter as one path segment with the same characters, a
 * query value with the same characters, a header with the same value, a body with the same bytes.
 */

const environmentId = 'env-1';
let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () =>
  createManagementClient({
    baseUrl: server.apiUrl,
    environmentId,
    token: 'fuzz-token',
    retry: false,
    timeout: 5000,
  });

/** Runs `call`; InvalidArgumentError must name `parameter` and leave the server untouched. */
async function refusedOrSent(call: () => Promise<unknown>, parameter: RegExp): Promise<boolean> {
  const before = server.requests.length;
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).parameter).toMatch(parameter);
    expect(server.requests.length).toBe(before);
    return false;
  }
  expect(server.requests.length).toBe(before + 1);
  return true;
}

const anyUtf16 = fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 40 });
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  anyUtf16,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    '.',
    '..',
    '/',
    '../..',
    '%',
    '%2F',
    '%252F',
    '?a=b',
    '#frag',
    ' ',
    '\r\n',
    '\u0000',
    '\ud800',
    'a\udfffb',
  ),
  fc.string({ unit: 'binary', minLength: 2000, maxLength: 20_000 }),
);

describe('fuzzed input', () => {
  it('path parameters: refused, or one path segment holding the same characters', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (userId) => {
        const sent = await refusedOrSent(
          () => getUser({ client: client(), path: { userId } }),
          /^path\.userId$/,
        );
        if (!sent) return;
        const target = server.requests.at(-1)?.target ?? '';
        const segments = target.split('?')[0]?.split('/') ?? [];
        expect(segments.slice(0, -1)).toEqual(['', 'v1', 'environments', environmentId, 'users']);
        expect(decodeURIComponent(segments.at(-1) ?? '')).toBe(userId);
      }),
      fuzzSettings,
    );
  });

  it('numbers and other values where a path string belongs', async () => {
    const values = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, null, undefined),
      fc.object(),
      fc.array(fc.nat()),
    );
    await fc.assert(
      fc.asyncProperty(values, async (userId) => {
        const sent = await refusedOrSent(
          () => getUser({ client: client(), path: { userId: userId as unknown as string } }),
          /^path\.userId$/,
        );
        if (!sent) return;
        expect(typeof userId === 'number' && Number.isFinite(userId)).toBe(true);
        expect(decodeURIComponent(server.requests.at(-1)?.target.split('/').at(-1) ?? '')).toBe(
          String(userId),
        );
      }),
      fuzzSettings,
    );
  });

  it('query values: refused, or the same characters under the same name', async () => {
    const values = fc.oneof(text, fc.double(), fc.object(), fc.array(fc.string()));
    await fc.assert(
      fc.asyncProperty(values, async (filter) => {
        const sent = await refusedOrSent(
          () => listUsers({ client: client(), query: { filter: filter as string } }),
          /^query\.filter/,
        );
        if (!sent) return;
        const items = Array.isArray(filter) ? filter : [filter];
        expect(items.every((item) => typeof item === 'string' || Number.isFinite(item))).toBe(true);
        const target = server.requests.at(-1)?.target ?? '';
        const received = new URLSearchParams(target.slice(target.indexOf('?') + 1)).getAll('filter');
        const expected = Array.isArray(filter) ? filter.map(String) : [String(filter)];
        expect(received).toEqual(expected);
      }),
      fuzzSettings,
    );
  });

  it('header names and values (CR/LF included): refused, or the same value', async () => {
    const names = fc.oneof(
      fc.constantFrom('X-Ping-External-Transaction-ID', 'x-a', 'X\r\nInjected', 'x y', ''),
      text,
    );
    await fc.assert(
      fc.asyncProperty(names, text, async (name, value) => {
        const sent = await refusedOrSent(
          () => getUser({ client: client(), path: { userId: 'u1' }, headers: { [name]: value } }),
          /^headers/,
        );
        if (!sent) return;
        const headers = server.requests.at(-1)?.headers ?? {};
        // HTTP drops whitespace around a field value (RFC 9110 §5.5): what is left arrives byte for byte.
        expect(headers[name.toLowerCase()]).toBe(value.replace(/^[\t ]+|[\t ]+$/g, ''));
        expect(Object.keys(headers).some((header) => header.includes('injected'))).toBe(false);
      }),
      fuzzSettings,
    );
  });

  it('bodies with __proto__ and constructor keys reach the server as the same JSON, polluting nothing', async () => {
    const dangerousKey = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
    );
    const key = fc.oneof(dangerousKey, fc.string({ maxLength: 8 }));
    const json = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) =>
          // Built from text: a literal `__proto__` key in JSON.parse is an own property, as an attacker's would be.
          JSON.parse(
            `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${JSON.stringify(item) ?? 'null'}`).join(',')}}`,
          ),
        ),
      ),
    })).value;
    await fc.assert(
      fc.asyncProperty(json, async (extra) => {
        const body = { username: 'ada', email: 'ada@example.com', extra } as never;
        const sent = await refusedOrSent(() => createUser({ client: client(), body }), /^body/);
        expect(sent).toBe(true);
        expect(server.requests.at(-1)?.body).toBe(JSON.stringify(body));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      fuzzSettings,
    );
  });
});

it('fuzz settings are fixed in CI unless asked otherwise', () => {
  expect(fuzzSettings.numRuns).toBeGreaterThan(0);
  expect(Number.isInteger(fuzzSettings.seed)).toBe(true);
});
