import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InvalidArgumentError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteImage, getImage, type Image, maximumImageSize, uploadImage } from '../src/index.js';
import { endlessStream, gifImage, jpegImage, pngImage } from './fixtures/sample-images.js';
import { type EmulatorClient, fetchFile, startEmulatorClient } from './support/emulator-client.js';

let session: EmulatorClient;
let scratch: string;

beforeAll(async () => {
  session = await startEmulatorClient();
  scratch = await mkdtemp(join(tmpdir(), 'pingone-images-'));
});
afterAll(async () => {
  await session.close();
  await rm(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  session.apiFetch.mockClear();
  session.sent.length = 0;
});

/** Checks what the emulator stored and serves: the Image's shape and a byte-identical file at its href. */
async function expectStored(
  image: Image,
  original: Uint8Array,
  expected: { type: string; width: number; height: number; contentType: string; filename: string },
) {
  expect(image).toMatchObject({
    id: expect.any(String),
    environment: { id: session.emulator.environmentId },
    createdAt: expect.any(String),
    targets: {
      original: {
        id: expect.any(String),
        href: expect.any(String),
        type: expected.type,
        width: expected.width,
        height: expected.height,
      },
    },
  });
  const href = image.targets?.original?.href ?? '';
  expect(new URL(href).origin).toBe(new URL(session.emulator.apiUrl).origin);
  const { response, bytes } = await fetchFile(href);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(expected.contentType);
  expect(response.headers.get('content-disposition')).toBe(
    `inline; filename*=UTF-8''${encodeURIComponent(expected.filename)}`,
  );
  expect(Buffer.from(bytes).equals(Buffer.from(original))).toBe(true);
}

function lastSent(): Request {
  const request = session.sent.at(-1);
  if (!request) throw new Error('nothing was sent');
  return request;
}

describe('uploadImage against the emulator', () => {
  it('uploads a Uint8Array (a Node Buffer too) byte for byte', async () => {
    const bytes = pngImage(64, 32, 5000);
    const { data, response } = await uploadImage({
      client: session.client,
      body: bytes,
      filename: 'logo.png',
    });
    expect(response.status).toBe(201);
    expect(lastSent().headers.get('content-type')).toBe('image/png');
    expect(lastSent().headers.get('content-disposition')).toBe('attachment; filename="logo.png"');
    await expectStored(data, bytes, {
      type: 'png',
      width: 64,
      height: 32,
      contentType: 'image/png',
      filename: 'logo.png',
    });

    const buffer = Buffer.from(jpegImage(10, 20));
    const { data: fromBuffer } = await uploadImage({ client: session.client, body: buffer });
    await expectStored(fromBuffer, buffer, {
      type: 'jpg',
      width: 10,
      height: 20,
      contentType: 'image/jpeg',
      filename: 'image.jpg',
    });
  });

  it('uploads an ArrayBuffer', async () => {
    const bytes = gifImage(300, 200);
    const { data } = await uploadImage({
      client: session.client,
      body: bytes.buffer,
      filename: 'spinner.gif',
    });
    expect(lastSent().headers.get('content-type')).toBe('image/gif');
    await expectStored(data, bytes, {
      type: 'gif',
      width: 300,
      height: 200,
      contentType: 'image/gif',
      filename: 'spinner.gif',
    });
  });

  it('uploads a Blob and a File, sending the Blob itself', async () => {
    const bytes = jpegImage(640, 480);
    const { data: fromBlob } = await uploadImage({ client: session.client, body: new Blob([bytes]) });
    expect(lastSent().headers.get('content-type')).toBe('image/jpeg');
    await expectStored(fromBlob, bytes, {
      type: 'jpg',
      width: 640,
      height: 480,
      contentType: 'image/jpeg',
      filename: 'image.jpg',
    });

    const png = pngImage(16, 16);
    const file = new File([png], 'Logo café.png', { type: 'image/png' });
    const { data: fromFile } = await uploadImage({ client: session.client, body: file });
    expect(lastSent().headers.get('content-disposition')).toBe(
      `attachment; filename="Logo caf_.png"; filename*=UTF-8''Logo%20caf%C3%A9.png`,
    );
    await expectStored(fromFile, png, {
      type: 'png',
      width: 16,
      height: 16,
      contentType: 'image/png',
      filename: 'Logo café.png',
    });
  });

  it('uploads a ReadableStream of a file on disk, close to the 2 MB limit', async () => {
    const bytes = pngImage(1024, 768, maximumImageSize - 200);
    expect(bytes.length).toBeLessThanOrEqual(maximumImageSize);
    const path = join(scratch, 'background.png');
    await writeFile(path, bytes);
    const stream = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    const { data } = await uploadImage({ client: session.client, body: stream, filename: 'background.png' });
    await expectStored(data, bytes, {
      type: 'png',
      width: 1024,
      height: 768,
      contentType: 'image/png',
      filename: 'background.png',
    });
  });

  it('uploads the body of a fetch response (re-uploading a stored file)', async () => {
    const bytes = gifImage(7, 9);
    const { data: first } = await uploadImage({ client: session.client, body: bytes });
    const download = await fetch(first.targets?.original?.href ?? '');
    const { data: second } = await uploadImage({
      client: session.client,
      body: download.body as ReadableStream<Uint8Array>,
      filename: 'copy.gif',
    });
    expect(second.id).not.toBe(first.id);
    await expectStored(second, bytes, {
      type: 'gif',
      width: 7,
      height: 9,
      contentType: 'image/gif',
      filename: 'copy.gif',
    });
  });

  it('sends the image/jpg spelling PingOne documents when asked to', async () => {
    const bytes = jpegImage(2, 2);
    const { data } = await uploadImage({ client: session.client, body: bytes, contentType: 'image/jpg' });
    expect(lastSent().headers.get('content-type')).toBe('image/jpg');
    expect(data.targets?.original?.type).toBe('jpg');
  });

  it('reads an image and deletes it, after which neither it nor its file exist', async () => {
    const bytes = pngImage(5, 5);
    const { data: uploaded } = await uploadImage({ client: session.client, body: bytes });
    const imageId = uploaded.id ?? '';
    const { data: read } = await getImage({ client: session.client, path: { imageId } });
    expect(read).toEqual(uploaded);

    const { response } = await deleteImage({ client: session.client, path: { imageId } });
    expect(response.status).toBe(204);
    await expect(getImage({ client: session.client, path: { imageId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteImage({ client: session.client, path: { imageId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await fetchFile(uploaded.targets?.original?.href ?? '')).response.status).toBe(404);
  });
});

describe('uploadImage refuses before anything reaches the emulator', () => {
  // Each refusal is a unit case in src/upload-image.test.ts; this one shows that with a real client
  // not even the token request goes out.
  it('an endless stream, cancelled just past 2 MB, without any request', async () => {
    const globalFetch = vi.spyOn(globalThis, 'fetch');
    try {
      const { stream, progress } = endlessStream(64 * 1024);
      const error = await uploadImage({ client: session.client, body: stream }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).parameter).toBe('body');
      expect(progress.cancelled).toBe(true);
      expect(session.apiFetch).not.toHaveBeenCalled();
      expect(globalFetch).not.toHaveBeenCalled();
    } finally {
      globalFetch.mockRestore();
    }
  });
});
