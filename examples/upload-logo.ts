/**
 * Uploads a logo and puts it on a branding theme.
 *
 *   pnpm exec tsx upload-logo.ts [path/to/logo.png]
 *
 * With no file it uploads a small generated PNG. It runs against a local emulator unless these are set:
 *   PINGONE_ENVIRONMENT_ID   the environment to brand
 *   PINGONE_CLIENT_ID        a worker application's client id …
 *   PINGONE_CLIENT_SECRET    … and secret
 *   PINGONE_REGION           NA (default), EU, CA, AU, SG or AP
 *   PINGONE_ADMIN_ENVIRONMENT_ID  where the worker application lives (default: PINGONE_ENVIRONMENT_ID)
 *   PINGONE_THEME_ID         a theme to put the logo on (default: a new, non-default theme)
 *   PINGONE_API_URL, PINGONE_AUTH_URL  host overrides, e.g. an emulator started elsewhere
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { crc32, deflateSync } from 'node:zlib';
import { getImage, uploadImage } from '@pingone-sdk/images';
import {
  type BrandingThemeConfiguration,
  createBrandingTheme,
  getBrandingTheme,
  replaceBrandingTheme,
} from '@pingone-sdk/management';
import { isMain, managementClientFor, runOnTenantOrEmulator, type TenantSettings } from './tenant.js';

export interface UploadLogoSettings extends TenantSettings {
  /** A PNG, JPEG or GIF file on disk. @default a generated 96 × 32 PNG */
  logoPath?: string;
  /** The theme to brand. @default a new theme */
  themeId?: string;
}

/** The colours of a new theme; the logo is what this example is about. */
const exampleColours: Omit<BrandingThemeConfiguration, 'logoType' | 'backgroundType'> = {
  name: 'SDK example',
  bodyTextColor: '#263956',
  buttonColor: '#2996cc',
  buttonTextColor: '#ffffff',
  cardColor: '#fcfcfc',
  headingTextColor: '#686f77',
  linkTextColor: '#2996cc',
};

export async function runUploadLogo(
  settings: UploadLogoSettings,
): Promise<{ themeId: string; href: string }> {
  const log = settings.log ?? console.log;
  const client = managementClientFor(settings);

  // A file is streamed from disk: uploadImage reads at most 2 MB of it and checks that it is a PNG,
  // JPEG or GIF before anything is sent. Bytes in memory, Blobs and Files work the same way.
  const { data: image } = settings.logoPath
    ? await uploadImage({
        client,
        body: Readable.toWeb(createReadStream(settings.logoPath)) as ReadableStream<Uint8Array>,
        filename: basename(settings.logoPath),
      })
    : await uploadImage({ client, body: examplePng(96, 32), filename: 'sdk-example-logo.png' });
  const original = image.targets?.original;
  if (!image.id || !original?.href) throw new Error('PingOne answered without the image URL');
  log(`uploaded ${original.type} logo ${original.width} × ${original.height}: ${original.href}`);

  const logo = { id: image.id, href: original.href };
  let themeId = settings.themeId;
  if (themeId === undefined) {
    const { data: created } = await createBrandingTheme({
      client,
      body: {
        template: 'split',
        default: false,
        configuration: { ...exampleColours, logoType: 'IMAGE', logo, backgroundType: 'DEFAULT' },
      },
    });
    themeId = created.id ?? '';
    log(`created theme ${themeId} with the logo`);
  } else {
    // PUT replaces the whole theme: start from what is stored and change only the logo.
    const { data: existing } = await getBrandingTheme({ client, path: { themeId } });
    await replaceBrandingTheme({
      client,
      path: { themeId },
      body: {
        template: existing.template,
        default: existing.default,
        configuration: { ...existing.configuration, logoType: 'IMAGE', logo },
      },
    });
    log(`set the logo on theme ${themeId}`);
  }

  const { data: theme } = await getBrandingTheme({ client, path: { themeId } });
  const { data: stored } = await getImage({ client, path: { imageId: image.id } });
  log(`theme ${theme.configuration.name ?? themeId} shows ${theme.configuration.logo?.href}`);
  log(`image ${stored.id} is stored, created ${stored.createdAt}`);
  return { themeId, href: original.href };
}

/** A solid-colour PNG, so that the example runs without a file of its own. */
function examplePng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const frame = Buffer.alloc(typeAndData.length + 8);
    frame.writeUInt32BE(data.length, 0);
    typeAndData.copy(frame, 4);
    frame.writeUInt32BE(crc32(typeAndData), frame.length - 4);
    return frame;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlacing
  const row = Buffer.concat([Buffer.of(0), Buffer.alloc(width * 3, Buffer.of(0x29, 0x96, 0xcc))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (isMain(import.meta.url)) {
  const logoPath = process.argv[2];
  await runOnTenantOrEmulator('Uploading a logo', async (tenant, emulator) => {
    if (!emulator) return runUploadLogo({ ...tenant, themeId: process.env.PINGONE_THEME_ID, logoPath });
    const { href } = await runUploadLogo({ ...tenant, logoPath });
    const file = await fetch(href);
    console.log(`the logo URL answers ${file.status} ${file.headers.get('content-type')}`);
  });
}
