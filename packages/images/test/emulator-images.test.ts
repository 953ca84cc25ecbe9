import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gifImage, jpegImage, pngImage, pngOfLength } from './fixtures/sample-images.js';
import { type EmulatorClient, startEmulatorClient } from './support/emulator-client.js';

/**
 * The emulator refuses what PingOne refuses, for callers that do not use `uploadImage` (plain fetch,
 * other SDKs). These requests bypass the SDK's own checks on purpose.
 */
let session: EmulatorClient;
let token: string;
let imagesUrl: string;

beforeAll(async () => {
  session = await startEmulatorClient();
  const basic = Buffer.from(`${session.emulator.clientId}:${session.emulator.clientSecret}`).toString(
    'base64',
  );
  const answer = await fetch(`${session.emulator.authUrl}/${session.emulator.environmentId}/as/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  token = ((await answer.json()) as { access_token: string }).access_token;
  imagesUrl = `${session.emulator.apiUrl}/environments/${session.emulator.environmentId}/images`;
});
afterAll(() => session.close());

async function post(body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  const response = await fetch(imagesUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads PingOne's error body shape.
  return { status: response.status, body: (await response.json()) as any };
}

const png = { 'content-type': 'image/png', 'content-disposition': 'attachment; filename=logo.png' };

describe('the emulator’s image upload', () => {
  it('answers 201 with PingOne’s Image shape and the dimensions from each header', async () => {
    for (const [bytes, type, contentType, width, height] of [
      [pngImage(1200, 630), 'png', 'image/png', 1200, 630],
      [jpegImage(4000, 3000), 'jpg', 'image/jpeg', 4000, 3000],
      [gifImage(65535, 1), 'gif', 'image/gif', 65535, 1],
    ] as const) {
      const answer = await post(bytes, {
        'content-type': contentType,
        'content-disposition': `attachment; filename=a.${type}`,
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        _links: {
          self: { href: `${imagesUrl}/${answer.body.id}` },
          environment: { href: `${session.emulator.apiUrl}/environments/${session.emulator.environmentId}` },
        },
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        environment: { id: session.emulator.environmentId },
        createdAt: expect.any(String),
        targets: { original: { id: expect.any(String), href: expect.any(String), type, width, height } },
      });
    }
  });

  it('requires Content-Disposition with a file name', async () => {
    const missing = await post(pngImage(1, 1), { 'content-type': 'image/png' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ code: 'REQUIRED_VALUE', target: 'Content-Disposition' }],
    });
    const nameless = await post(pngImage(1, 1), {
      'content-type': 'image/png',
      'content-disposition': 'attachment',
    });
    expect(nameless.status).toBe(400);
    expect(nameless.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'Content-Disposition' });
  });

  it('refuses files over 2 MB', async () => {
    const answer = await post(pngOfLength(2 * 1024 * 1024 + 1), png);
    expect(answer.status).toBe(400);
    expect(answer.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'file' });
  });

  it('refuses types PingOne does not store, bytes that are not an image, and mislabelled files', async () => {
    expect((await post(pngImage(1, 1), { ...png, 'content-type': 'image/webp' })).status).toBe(415);
    expect((await post(pngImage(1, 1), { ...png, 'content-type': 'text/plain' })).status).toBe(415);
    const text = await post(new TextEncoder().encode('hello'), png);
    expect(text.status).toBe(400);
    expect(text.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'file' });
    const mislabelled = await post(jpegImage(1, 1), png);
    expect(mislabelled.status).toBe(400);
    expect(mislabelled.body.details[0]).toMatchObject({ target: 'Content-Type' });
    const damaged = await post(pngImage(1, 1).subarray(0, 12), png);
    expect(damaged.status).toBe(400);
  });

  it('refuses an upload without a token, and serves files without one', async () => {
    const anonymous = await fetch(imagesUrl, { method: 'POST', headers: png, body: pngImage(1, 1) });
    expect(anonymous.status).toBe(401);
    const stored = await post(pngImage(2, 2), png);
    const file = await fetch(stored.body.targets.original.href, { method: 'HEAD' });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-length')).toBe(String(pngImage(2, 2).length));
    expect((await fetch(`${stored.body.targets.original.href.slice(0, -3)}gif`)).status).toBe(404);
  });
});
