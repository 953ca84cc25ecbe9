import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

const configuration = {
  logoType: 'NONE',
  backgroundType: 'COLOR',
  backgroundColor: '#000000',
  bodyTextColor: '#263956',
  buttonColor: '#2996cc',
  buttonTextColor: '#ffffff',
  cardColor: '#ffffff',
  headingTextColor: '#686f77',
  linkTextColor: '#2996cc',
};

describe('branding behaviours', () => {
  let session: EmulatorSession;
  let themes: string;

  beforeAll(async () => {
    session = await startSession();
    themes = `${session.environmentUrl}/themes`;
  });
  afterAll(() => session.emulator.close());

  const defaults = async () => {
    const listed = await session.call('GET', themes);
    return (listed.body._embedded.themes as Array<{ id: string; default: boolean }>)
      .filter((theme) => theme.default)
      .map((theme) => theme.id);
  };

  it('keeps the settings id across replaces', async () => {
    const settings = `${session.environmentUrl}/brandingSettings`;
    const seeded = await session.call('GET', settings);
    expect(seeded.body).toMatchObject({ environment: { id: session.emulator.environmentId } });
    const replaced = await session.call('PUT', settings, { companyName: 'Example Corp' });
    expect(replaced.body).toMatchObject({ id: seeded.body.id, companyName: 'Example Corp' });
    const cleared = await session.call('PUT', settings, {});
    expect(cleared.body.companyName).toBeUndefined();
  });

  it('moves the default flag through the default singleton and refuses to drop or delete it', async () => {
    const [seededDefault] = await defaults();
    const created = await session.call('POST', themes, { template: 'split', default: false, configuration });
    expect(created.status).toBe(201);
    const flag = `${created.body._links.self.href}/default`;
    expect((await session.call('GET', flag)).body.default).toBe(false);

    const taken = await session.call('PUT', flag, { default: true });
    expect(taken.body.default).toBe(true);
    expect(await defaults()).toEqual([created.body.id]);
    expect((await session.call('GET', `${themes}/${seededDefault}/default`)).body.default).toBe(false);

    expect((await session.call('PUT', flag, { default: false })).status).toBe(400);
    expect((await session.call('DELETE', created.body._links.self.href)).status).toBe(400);

    const another = await session.call('POST', themes, { template: 'focus', default: true, configuration });
    expect(await defaults()).toEqual([another.body.id]);
    expect((await session.call('DELETE', created.body._links.self.href)).status).toBe(204);
  });
});
