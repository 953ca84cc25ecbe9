import { NotFoundError, paginate } from '@pingone-sdk/core';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVoicePhrase,
  createVoicePhraseContent,
  deleteVoicePhrase,
  deleteVoicePhraseContent,
  getVoicePhrase,
  getVoicePhraseContent,
  listVoicePhraseContents,
  listVoicePhrases,
  replaceVoicePhrase,
  replaceVoicePhraseContent,
} from '../src/index.js';

describe('voice phrases and their contents against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('creates, reads, lists, renames and deletes a phrase', async () => {
    const { client } = session;
    const { data: phrase } = await createVoicePhrase({ client, body: { displayName: 'Confirmation' } });
    const voicePhraseId = phrase.id as string;
    expect((await getVoicePhrase({ client, path: { voicePhraseId } })).data.displayName).toBe('Confirmation');
    const names: string[] = [];
    for await (const each of paginate(listVoicePhrases, { client })) names.push(each.displayName);
    expect(names).toContain('Confirmation');
    const { data: renamed } = await replaceVoicePhrase({
      client,
      path: { voicePhraseId },
      body: { displayName: 'Account confirmation' },
    });
    expect(renamed.displayName).toBe('Account confirmation');
    await deleteVoicePhrase({ client, path: { voicePhraseId } });
    await expect(getVoicePhrase({ client, path: { voicePhraseId } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps one wording per content under its phrase, and deletes them with the phrase', async () => {
    const { client } = session;
    const { data: phrase } = await createVoicePhrase({ client, body: { displayName: 'Greeting' } });
    const voicePhraseId = phrase.id as string;
    const { data: english } = await createVoicePhraseContent({
      client,
      path: { voicePhraseId },
      body: { locale: 'en', content: 'My voice confirms that this account is mine.' },
    });
    expect(english.voicePhrase?.id).toBe(voicePhraseId);
    const { data: french } = await createVoicePhraseContent({
      client,
      path: { voicePhraseId },
      body: { locale: 'fr', content: 'Ma voix confirme que ce compte est le mien.' },
    });
    const listed = (await listVoicePhraseContents({ client, path: { voicePhraseId } })).data;
    expect(listed._embedded.contents.map((each) => each.locale).sort()).toEqual(['en', 'fr']);

    const voicePhraseContentId = french.id as string;
    const { data: canadian } = await replaceVoicePhraseContent({
      client,
      path: { voicePhraseId, voicePhraseContentId },
      body: { locale: 'fr-CA', content: 'Ma voix confirme que ce compte est à moi.' },
    });
    expect(canadian).toMatchObject({ locale: 'fr-CA', voicePhrase: { id: voicePhraseId } });
    await deleteVoicePhraseContent({ client, path: { voicePhraseId, voicePhraseContentId } });
    await expect(
      getVoicePhraseContent({ client, path: { voicePhraseId, voicePhraseContentId } }),
    ).rejects.toBeInstanceOf(NotFoundError);

    await deleteVoicePhrase({ client, path: { voicePhraseId } });
    await expect(
      getVoicePhraseContent({
        client,
        path: { voicePhraseId, voicePhraseContentId: english.id as string },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
