import { createClient, InvalidArgumentError } from '@pingone-sdk/core';
import { describe, expect, it, vi } from 'vitest';
import {
  chunkedStream,
  endlessStream,
  gifImage,
  jpegImage,
  pngImage,
  pngOfLength,
} from '../test/fixtures/sample-images.js';
import { maximumImageSize } from './image-types.js';
import { type UploadImageOptions, uploadImage } from './upload-image.js';

const environmentId = '5caa81af-ec05-41ff-a709-c7378007a99c';
const storedImage = {
  id: 'img-1',
  environment: { id: environmentId },
  createdAt: '2025-01-01T00:00:00.000Z',
  targets: {
    original: { id: 'target-1', href: 'https://uploads.pingone.com/x.png', type: 'png', width: 1, height: 1 },
  },
};

/** A client whose fetch records each request (with its body read to bytes) and answers 201. */
function recordingClient() {
  const requests: { request: Request; bytes: Uint8Array }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ request, bytes: new Uint8Array(await request.arrayBuffer()) });
    return Response.json(storedImage, { status: 201 });
  });
  const client = createClient({
    baseUrl: 'https://api.pingone.eu/v1',
    environmentId,
    token: 'token',
    fetch,
    retry: false,
  });
  return { client, fetch, requests };
}

async function refusal(options: Omit<UploadImageOptions, 'client'>) {
  const { client, fetch } = recordingClient();
  const error = await uploadImage({ client, ...options }).catch((caught: unknown) => caught);
  expect(fetch).not.toHaveBeenCalled();
  expect(error).toBeInstanceOf(InvalidArgumentError);
  return error as InvalidArgumentError;
}

describe('uploadImage', () => {
  it('posts the bytes unchanged with the detected type and a file name', async () => {
    const { client, requests } = recordingClient();
    const bytes = pngImage(4, 3);
    const { data, response } = await uploadImage({ client, body: bytes });
    expect(data).toEqual(storedImage);
    expect(response.status).toBe(201);
    expect(requests).toHaveLength(1);
    const [{ request, bytes: sent }] = requests as [(typeof requests)[number]];
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`https://api.pingone.eu/v1/environments/${environmentId}/images`);
    expect(request.headers.get('content-type')).toBe('image/png');
    expect(request.headers.get('content-disposition')).toBe('attachment; filename="image.png"');
    expect(request.headers.get('authorization')).toBe('Bearer token');
    expect(sent).toEqual(bytes);
  });

  it.each([
    ['PNG', pngImage(2, 2), 'image/png', 'image.png'],
    ['JPEG', jpegImage(2, 2), 'image/jpeg', 'image.jpg'],
    ['GIF', gifImage(2, 2), 'image/gif', 'image.gif'],
  ])('detects %s from the first bytes', async (_name, bytes, contentType, filename) => {
    const { client, requests } = recordingClient();
    await uploadImage({ client, body: bytes.buffer });
    expect(requests[0]?.request.headers.get('content-type')).toBe(contentType);
    expect(requests[0]?.request.headers.get('content-disposition')).toBe(
      `attachment; filename="${filename}"`,
    );
    expect(requests[0]?.bytes).toEqual(bytes);
  });

  it('sends only the viewed bytes of a Uint8Array that is a window on a larger buffer', async () => {
    const { client, requests } = recordingClient();
    const image = jpegImage(5, 5);
    const buffer = new Uint8Array(image.length + 20).fill(0xaa);
    buffer.set(image, 10);
    await uploadImage({ client, body: buffer.subarray(10, 10 + image.length) });
    expect(requests[0]?.bytes).toEqual(image);
  });

  it("takes a File's name and type", async () => {
    const { client, requests } = recordingClient();
    const file = new File([gifImage(1, 1)], 'spinner.gif', { type: 'image/gif' });
    await uploadImage({ client, body: file });
    expect(requests[0]?.request.headers.get('content-type')).toBe('image/gif');
    expect(requests[0]?.request.headers.get('content-disposition')).toBe(
      'attachment; filename="spinner.gif"',
    );
  });

  it('sniffs a Blob without a useful type, and lets filename and contentType win', async () => {
    const { client, requests } = recordingClient();
    await uploadImage({ client, body: new Blob([jpegImage(1, 1)], { type: 'application/octet-stream' }) });
    expect(requests[0]?.request.headers.get('content-type')).toBe('image/jpeg');
    await uploadImage({
      client,
      body: new File([jpegImage(1, 1)], 'x.jpeg', { type: 'image/jpeg' }),
      filename: 'Logo café.jpg',
      contentType: 'image/jpg',
    });
    expect(requests[1]?.request.headers.get('content-type')).toBe('image/jpg');
    expect(requests[1]?.request.headers.get('content-disposition')).toBe(
      `attachment; filename="Logo caf_.jpg"; filename*=UTF-8''Logo%20caf%C3%A9.jpg`,
    );
  });

  it('reads a stream and sends what it read', async () => {
    const { client, requests } = recordingClient();
    const bytes = pngOfLength(300_000);
    const { stream } = chunkedStream(bytes, 65_536);
    await uploadImage({ client, body: stream, filename: 'big.png' });
    expect(Buffer.from(requests[0]?.bytes ?? []).equals(bytes)).toBe(true);
    expect(requests[0]?.request.headers.get('content-type')).toBe('image/png');
  });

  it('accepts exactly 2 MB', async () => {
    const { client, requests } = recordingClient();
    await uploadImage({ client, body: pngOfLength(maximumImageSize) });
    expect(requests[0]?.bytes.byteLength).toBe(maximumImageSize);
  });

  it('fills the environment from the call before the client', async () => {
    const { client, requests } = recordingClient();
    await uploadImage({ client, body: pngImage(1, 1), path: { environmentId: 'other-env' } });
    expect(requests[0]?.request.url).toBe('https://api.pingone.eu/v1/environments/other-env/images');
  });

  it('keeps extra headers but not a conflicting Content-Type', async () => {
    const { client, requests } = recordingClient();
    await uploadImage({
      client,
      body: pngImage(1, 1),
      headers: { 'X-Ping-External-Transaction-ID': 'deploy-42', 'content-type': 'text/plain' },
    });
    expect(requests[0]?.request.headers.get('x-ping-external-transaction-id')).toBe('deploy-42');
    expect(requests[0]?.request.headers.get('content-type')).toBe('image/png');
  });

  describe('refuses before sending', () => {
    it.each([
      ['Uint8Array', () => pngOfLength(maximumImageSize + 1)],
      ['ArrayBuffer', () => pngOfLength(maximumImageSize + 1).buffer],
      ['Blob', () => new Blob([pngOfLength(maximumImageSize + 1)], { type: 'image/png' })],
      ['File', () => new File([pngOfLength(3 * 1024 * 1024)], 'huge.png', { type: 'image/png' })],
      ['stream', () => chunkedStream(pngOfLength(maximumImageSize + 1), 65_536).stream],
    ])('a %s over 2 MB', async (_kind, body) => {
      const error = await refusal({ body: body() });
      expect(error.parameter).toBe('body');
      expect(error.message).toMatch(/at most 2097152 bytes/);
    });

    it('an endless stream, after reading just past 2 MB', async () => {
      const { stream, progress } = endlessStream(65_536);
      expect((await refusal({ body: stream })).parameter).toBe('body');
      expect(progress.cancelled).toBe(true);
      expect(progress.pulledBytes).toBeLessThanOrEqual(maximumImageSize + 65_536);
    });

    it.each([
      ['text', new TextEncoder().encode('hello, world')],
      ['SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
      ['WebP', new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')],
      ['empty', new Uint8Array()],
    ])('%s input', async (_kind, bytes) => {
      expect((await refusal({ body: bytes })).parameter).toBe('body');
      expect((await refusal({ body: chunkedStream(bytes, 4).stream })).parameter).toBe('body');
    });

    it('a Blob whose type is not an image or contradicts its bytes', async () => {
      expect((await refusal({ body: new Blob([pngImage(1, 1)], { type: 'text/plain' }) })).parameter).toBe(
        'body',
      );
      const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.svg', {
        type: 'image/svg+xml',
      });
      expect((await refusal({ body: svg })).parameter).toBe('body');
      const mismatch = await refusal({ body: new File([jpegImage(1, 1)], 'a.png', { type: 'image/png' }) });
      expect(mismatch.parameter).toBe('body');
      expect(mismatch.message).toMatch(/names PNG, but the bytes are JPEG/);
    });

    it('a contentType PingOne does not store, or one that contradicts the bytes', async () => {
      expect((await refusal({ body: pngImage(1, 1), contentType: 'image/webp' })).parameter).toBe(
        'contentType',
      );
      expect((await refusal({ body: pngImage(1, 1), contentType: 'image/gif' })).parameter).toBe(
        'contentType',
      );
    });

    it('a bad file name, without reading the stream', async () => {
      const { stream, progress } = chunkedStream(pngImage(1, 1), 8);
      expect((await refusal({ body: stream, filename: 'a\r\nb.png' })).parameter).toBe('filename');
      expect(progress.pulledBytes).toBe(0);
    });

    it('input of another kind', async () => {
      expect((await refusal({ body: 'logo.png' as never })).parameter).toBe('body');
      expect((await refusal({ body: new DataView(new ArrayBuffer(8)) as never })).parameter).toBe('body');
    });

    it('a call with no environment', async () => {
      const fetch = vi.fn();
      const client = createClient({ baseUrl: 'https://api.pingone.eu/v1', token: 'token', fetch });
      await expect(uploadImage({ client, body: pngImage(1, 1) })).rejects.toMatchObject({
        parameter: 'path.environmentId',
      });
      expect(fetch).not.toHaveBeenCalled();
    });
  });
});
