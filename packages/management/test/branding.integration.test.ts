import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBrandingTheme,
  deleteBrandingTheme,
  getBrandingSettings,
  getBrandingTheme,
  getBrandingThemeDefault,
  listBrandingThemes,
  replaceBrandingSettings,
  replaceBrandingTheme,
  replaceBrandingThemeDefault,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

const configuration = {
  name: 'Spring sale',
  logoType: 'IMAGE' as const,
  logo: { id: crypto.randomUUID(), href: 'https://uploads.pingone.com/environments/e/images/logo.png' },
  backgroundType: 'COLOR' as const,
  backgroundColor: '#f4f4f4',
  bodyTextColor: '#263956',
  buttonColor: '#2996cc',
  buttonTextColor: '#ffffff',
  cardColor: '#ffffff',
  headingTextColor: '#686f77',
  linkTextColor: '#2996cc',
  footer: '© Example Corp',
};

describe('branding against the emulator', () => {
  let session: EmulatorSession;
  afterAll(() => session.close());
  // A generous hook timeout: starting an emulator compiles the spec, slow on a busy two-core machine.
  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);

  const defaultThemeIds = async () => {
    const ids: string[] = [];
    for await (const theme of paginate(listBrandingThemes, { client: session.client })) {
      if (theme.default) ids.push(theme.id ?? '');
    }
    return ids;
  };

  it('reads and replaces the branding settings, keeping their id', async () => {
    const client = session.client;
    const { data: seeded } = await getBrandingSettings({ client });
    expect(seeded.environment?.id).toBe(session.emulator.environmentId);
    const logo = {
      id: crypto.randomUUID(),
      href: 'https://uploads.pingone.com/environments/e/images/company.png',
    };
    const { data: replaced } = await replaceBrandingSettings({
      client,
      body: { companyName: 'Example Corp', logo },
    });
    expect(replaced).toMatchObject({ id: seeded.id, companyName: 'Example Corp', logo });
    const { data: cleared } = await replaceBrandingSettings({
      client,
      body: { companyName: 'Example Corp' },
    });
    expect(cleared.logo).toBeUndefined();
    expect((await getBrandingSettings({ client })).data).toEqual(cleared);
  });

  it('creates, reads, lists, replaces and deletes a theme', async () => {
    const client = session.client;
    const { data: created } = await createBrandingTheme({
      client,
      body: { template: 'split', default: false, configuration },
    });
    const themeId = created.id ?? '';
    expect(created).toMatchObject({ template: 'split', default: false, configuration });
    expect((await getBrandingTheme({ client, path: { themeId } })).data).toEqual(created);

    const { data: page } = await listBrandingThemes({ client });
    expect(page._embedded.themes.map((theme) => theme.id)).toContain(themeId);
    expect(page.count).toBe(page._embedded.themes.length);

    const { logo: _logo, footer: _footer, ...plain } = configuration;
    const { data: replaced } = await replaceBrandingTheme({
      client,
      path: { themeId },
      body: { template: 'mural', default: false, configuration: { ...plain, logoType: 'NONE' } },
    });
    expect(replaced.template).toBe('mural');
    expect(replaced.configuration.logo).toBeUndefined();
    expect(replaced.configuration.footer).toBeUndefined();

    await deleteBrandingTheme({ client, path: { themeId } });
    await expect(getBrandingTheme({ client, path: { themeId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps exactly one default theme', async () => {
    const client = session.client;
    const [seededDefault] = await defaultThemeIds();
    expect(seededDefault).toBeDefined();
    const { data: theme } = await createBrandingTheme({
      client,
      body: { template: 'focus', default: false, configuration },
    });
    const themeId = theme.id ?? '';
    expect((await getBrandingThemeDefault({ client, path: { themeId } })).data.default).toBe(false);

    const { data: flag } = await replaceBrandingThemeDefault({
      client,
      path: { themeId },
      body: { default: true },
    });
    expect(flag.default).toBe(true);
    expect(await defaultThemeIds()).toEqual([themeId]);
    const previous = await getBrandingThemeDefault({ client, path: { themeId: seededDefault ?? '' } });
    expect(previous.data.default).toBe(false);

    await expect(deleteBrandingTheme({ client, path: { themeId } })).rejects.toBeInstanceOf(BadRequestError);
    await expect(
      replaceBrandingThemeDefault({ client, path: { themeId }, body: { default: false } }),
    ).rejects.toBeInstanceOf(BadRequestError);

    const { data: next } = await createBrandingTheme({
      client,
      body: { template: 'slate', default: true, configuration },
    });
    expect(await defaultThemeIds()).toEqual([next.id]);
    await deleteBrandingTheme({ client, path: { themeId } });
  });
});
