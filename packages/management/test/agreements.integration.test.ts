import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAgreement,
  createAgreementLanguage,
  createAgreementRevision,
  deleteAgreement,
  deleteAgreementLanguage,
  deleteAgreementRevision,
  getAgreement,
  getAgreementLanguage,
  getAgreementRevision,
  listAgreementLanguages,
  listAgreementRevisions,
  listAgreements,
  replaceAgreement,
  replaceAgreementLanguage,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('agreements against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, reads, lists, replaces and deletes agreements', async () => {
    const client = session.client;
    const { data: terms } = await createAgreement({
      client,
      body: { name: 'Terms of service', enabled: false, reconsentPeriodDays: 365 },
    });
    await createAgreement({ client, body: { name: 'Privacy notice', enabled: false } });
    expect(terms).toMatchObject({ name: 'Terms of service', enabled: false, reconsentPeriodDays: 365 });

    const { data: listed } = await listAgreements({ client });
    expect(listed._embedded.agreements.map((agreement) => agreement.name)).toEqual([
      'Terms of service',
      'Privacy notice',
    ]);
    const { data: replaced } = await replaceAgreement({
      client,
      path: { agreementId: id(terms) },
      body: { name: 'Terms of service', enabled: true },
    });
    expect(replaced.enabled).toBe(true);
    expect(replaced.reconsentPeriodDays).toBeUndefined();
    expect((await getAgreement({ client, path: { agreementId: id(terms) } })).data.enabled).toBe(true);

    await deleteAgreement({ client, path: { agreementId: id(terms) } });
    await expect(getAgreement({ client, path: { agreementId: id(terms) } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('publishes revisions per language and tracks the one in force', async () => {
    const client = session.client;
    const { data: agreement } = await createAgreement({
      client,
      body: { name: 'Loyalty terms', enabled: true },
    });
    const agreementId = id(agreement);
    const { data: english } = await createAgreementLanguage({
      client,
      path: { agreementId },
      body: {
        locale: 'en',
        displayName: 'English',
        enabled: true,
        userExperience: { acceptCheckboxText: 'I accept', continueButtonText: 'Continue' },
      },
    });
    expect(english.agreement).toEqual({ id: agreementId });
    expect(english.currentRevision).toBeUndefined();
    const languageId = id(english);
    await createAgreementLanguage({
      client,
      path: { agreementId },
      body: { locale: 'fr', displayName: 'Français', enabled: false },
    });

    const { data: inForce } = await createAgreementRevision({
      client,
      path: { agreementId, languageId },
      body: {
        contentType: 'text/plain',
        text: 'Points expire after a year.',
        effectiveAt: daysFromNow(-1),
        requireReconsent: false,
      },
    });
    // The text is sent, not answered; a link serves it.
    expect(inForce).not.toHaveProperty('text');
    expect(inForce._links?.text?.href).toMatch(/\/revisions\/[\w-]+\/text$/);
    const { data: upcoming } = await createAgreementRevision({
      client,
      path: { agreementId, languageId },
      body: {
        contentType: 'text/html',
        text: '<p>Points expire after two years.</p>',
        effectiveAt: daysFromNow(30),
        requireReconsent: true,
      },
    });

    const { data: language } = await getAgreementLanguage({ client, path: { agreementId, languageId } });
    expect(language.currentRevision).toEqual({ id: id(inForce) });
    const { data: languages } = await listAgreementLanguages({ client, path: { agreementId } });
    expect(languages._embedded.languages.map((item) => [item.locale, item.currentRevision?.id])).toEqual([
      ['en', id(inForce)],
      ['fr', undefined],
    ]);
    const { data: superseded } = await getAgreementRevision({
      client,
      path: { agreementId, languageId, revisionId: id(inForce) },
    });
    expect(superseded.notValidAfter).toBe(upcoming.effectiveAt);
    const { data: revisions } = await listAgreementRevisions({ client, path: { agreementId, languageId } });
    expect(revisions._embedded.revisions.map((revision) => revision.contentType)).toEqual([
      'text/plain',
      'text/html',
    ]);

    // A revision in force stays; one still to come can be withdrawn.
    await expect(
      deleteAgreementRevision({ client, path: { agreementId, languageId, revisionId: id(inForce) } }),
    ).rejects.toBeInstanceOf(BadRequestError);
    await deleteAgreementRevision({ client, path: { agreementId, languageId, revisionId: id(upcoming) } });
    await expect(
      getAgreementRevision({ client, path: { agreementId, languageId, revisionId: id(upcoming) } }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const { data: renamed } = await replaceAgreementLanguage({
      client,
      path: { agreementId, languageId },
      body: { locale: 'en', displayName: 'English (UK)', enabled: true },
    });
    expect(renamed).toMatchObject({ displayName: 'English (UK)', currentRevision: { id: id(inForce) } });

    await deleteAgreementLanguage({ client, path: { agreementId, languageId } });
    await expect(getAgreementLanguage({ client, path: { agreementId, languageId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      listAgreementRevisions({ client, path: { agreementId, languageId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
