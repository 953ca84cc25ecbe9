import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLanguage,
  createLanguageLocalizationStatus,
  deleteLanguage,
  deleteLanguageLocalizationStatus,
  getLanguage,
  getLanguageLocalizationStatus,
  listLanguageLocalizationStatuses,
  listLanguages,
  listTranslations,
  replaceLanguage,
  replaceLanguageLocalizationStatus,
  setTranslations,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('languages against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('adds a language, enables it, makes it the default and back', async () => {
    const client = session.client;
    const { data: initial } = await listLanguages({ client });
    const english = initial._embedded.languages.find((item) => item.default);
    expect(english).toMatchObject({ locale: 'en', enabled: true, customerAdded: false });

    const { data: created } = await createLanguage({
      client,
      body: { locale: 'pt-BR', enabled: false, default: false },
    });
    expect(created).toMatchObject({ locale: 'pt-BR', customerAdded: true, enabled: false });
    expect(created.name).toMatch(/Portuguese/);
    const path = { languageId: id(created) };

    await expect(
      replaceLanguage({ client, path, body: { locale: 'pt-BR', enabled: false, default: true } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'enabled' }] });
    const { data: promoted } = await replaceLanguage({
      client,
      path,
      body: { locale: 'pt-BR', enabled: true, default: true },
    });
    expect(promoted.default).toBe(true);
    const { data: englishNow } = await getLanguage({ client, path: { languageId: id(english ?? {}) } });
    expect(englishNow.default).toBe(false);

    await expect(deleteLanguage({ client, path })).rejects.toBeInstanceOf(BadRequestError);
    await replaceLanguage({
      client,
      path: { languageId: id(english ?? {}) },
      body: { locale: 'en', enabled: true, default: true },
    });
    await deleteLanguage({ client, path });
    await expect(getLanguage({ client, path })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteLanguage({ client, path: { languageId: id(english ?? {}) } })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('refuses a language created already enabled', async () => {
    await expect(
      createLanguage({ client: session.client, body: { locale: 'de', enabled: true, default: false } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'enabled' }] });
  });

  it('records, reads, replaces and deletes localization statuses of a language', async () => {
    const client = session.client;
    const { data: french } = await createLanguage({
      client,
      body: { locale: 'fr', enabled: false, default: false },
    });
    const languageId = id(french);
    const { data: status } = await createLanguageLocalizationStatus({
      client,
      path: { languageId },
      body: { service: 'Agreements', localizationComplete: false, statusDetails: 'Privacy notice pending' },
    });
    expect(status.localeId).toBe(languageId);
    const statusPath = { languageId, localizationStatusId: id(status) };

    const { data: replaced } = await replaceLanguageLocalizationStatus({
      client,
      path: statusPath,
      body: { service: 'Agreements', localizationComplete: true },
    });
    expect(replaced).toMatchObject({ localizationComplete: true, localeId: languageId });
    expect(replaced.statusDetails).toBeUndefined();
    const { data: read } = await getLanguageLocalizationStatus({ client, path: statusPath });
    expect(read.localizationComplete).toBe(true);

    const { data: page } = await listLanguageLocalizationStatuses({ client, path: { languageId } });
    expect(page._embedded.status.map(id)).toEqual([id(status)]);
    await deleteLanguageLocalizationStatus({ client, path: statusPath });
    await expect(getLanguageLocalizationStatus({ client, path: statusPath })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('sets translations of a language and reads them back by module and block', async () => {
    const client = session.client;
    await createLanguage({ client, body: { locale: 'es', enabled: false, default: false } });
    const { data: saved } = await setTranslations({
      client,
      path: { locale: 'es' },
      body: [
        { key: 'flow-ui.UpdateProfile.save', translatedText: 'Guardar' },
        { key: 'flow-ui.SignOn.submit', translatedText: 'Enviar' },
      ],
    });
    expect(saved.map((translation) => translation.shortKey)).toEqual(['save', 'submit']);

    const { data: block } = await listTranslations({
      client,
      path: { locale: 'es' },
      query: { module: 'flow-ui', block: 'UpdateProfile' },
    });
    expect(block._embedded.translations).toMatchObject([
      { key: 'flow-ui.UpdateProfile.save', translatedText: 'Guardar' },
    ]);

    await setTranslations({
      client,
      path: { locale: 'es' },
      body: [{ key: 'flow-ui.UpdateProfile.save', translatedText: 'Guardar cambios' }],
    });
    const { data: all } = await listTranslations({ client, path: { locale: 'es' } });
    expect(all._embedded.translations.map((translation) => translation.translatedText).sort()).toEqual([
      'Enviar',
      'Guardar cambios',
    ]);

    await expect(listTranslations({ client, path: { locale: 'ja' } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
