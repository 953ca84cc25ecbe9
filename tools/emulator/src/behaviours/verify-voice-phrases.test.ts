import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('voice phrase behaviours', () => {
  let session: EmulatorSession;
  let phrases: string;

  beforeAll(async () => {
    session = await startSession();
    phrases = `${session.environmentUrl}/voicePhrases`;
  });
  afterAll(() => session.emulator.close());

  it('ties contents to the phrase in their URL and deletes them with it', async () => {
    const phrase = await session.call('POST', phrases, { displayName: 'Confirmation' });
    const other = await session.call('POST', phrases, { displayName: 'Other' });
    const contents = `${phrases}/${phrase.body.id}/contents`;
    const content = await session.call('POST', contents, { locale: 'en', content: 'My voice is my key.' });
    expect(content.status).toBe(201);
    expect(content.body.voicePhrase).toEqual({ id: phrase.body.id });
    const replaced = await session.call('PUT', `${contents}/${content.body.id}`, {
      locale: 'en-GB',
      content: 'My voice is my key.',
    });
    expect(replaced.body.voicePhrase).toEqual({ id: phrase.body.id });
    const elsewhere = `${phrases}/${other.body.id}/contents/${content.body.id}`;
    expect((await session.call('GET', elsewhere)).status).toBe(404);
    expect((await session.call('DELETE', `${phrases}/${phrase.body.id}`)).status).toBe(204);
    expect((await session.call('GET', `${contents}/${content.body.id}`)).status).toBe(404);
    expect((await session.call('POST', contents, { locale: 'en', content: 'x' })).status).toBe(404);
  });
});
