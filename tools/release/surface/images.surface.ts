/**
 * The public surface of @pingone-sdk/images, written the way users write it (upload a logo, read it
 * back, delete it). Never run: tools/release type-checks it against the build, and the copy from the
 * last release tag must still compile against the next build, or the release is major.
 */
import { createClient } from '@pingone-sdk/core';
import { deleteImage, getImage, type Image, type ImageInput, uploadImage } from '@pingone-sdk/images';

const client = createClient({ region: 'EU', environmentId: 'environment', token: 'token' });

export async function replaceLogo(logo: ImageInput): Promise<string | undefined> {
  const { data: uploaded } = await uploadImage({
    client,
    body: logo,
    filename: 'logo.png',
    contentType: 'image/png',
  });
  const imageId: string = uploaded.id ?? '';
  const { data: image } = await getImage({ client, path: { imageId } });
  const same: Image = image;
  await deleteImage({ client, path: { imageId } });
  return same.targets === undefined ? undefined : imageId;
}
