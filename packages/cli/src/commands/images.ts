import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Client } from '@pingone-sdk/core';
import { deleteImage, getImage, uploadImage } from '@pingone-sdk/images';
import { UsageError } from '../usage-error.js';

/** `pingone images upload FILE`: the image's JSON (with its `targets`) on stdout. */
export async function runImagesUpload(file: string, client: () => Promise<Client>): Promise<void> {
  const bytes = await readFile(file).catch((error: Error) => {
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  });
  const { data } = await uploadImage({ client: await client(), body: bytes, filename: basename(file) });
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export async function runImagesGet(imageId: string, client: () => Promise<Client>): Promise<void> {
  const { data } = await getImage({ client: await client(), path: { imageId } });
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export async function runImagesDelete(imageId: string, client: () => Promise<Client>): Promise<void> {
  await deleteImage({ client: await client(), path: { imageId } });
  process.stderr.write(`deleted image ${imageId}\n`);
}
