import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

describe('DaVinci application behaviours', () => {
  let session: EmulatorSession;
  let applications: string;

  beforeAll(async () => {
    session = await startSession();
    applications = `${session.environmentUrl}/davinciApplications`;
  });
  afterAll(() => session.emulator.close());

  it('issues a key and secret, keeps them across a replace and rotates each alone', async () => {
    const created = await session.call('POST', applications, { name: 'Storefront' });
    expect(created.status).toBe(201);
    const { apiKey, oauth } = created.body;
    expect(apiKey).toMatchObject({ enabled: true, value: expect.stringMatching(/^.{32,}$/) });
    expect(oauth).toMatchObject({ clientSecret: expect.any(String), grantTypes: ['authorizationCode'] });
    const url = `${applications}/${created.body.id}`;
    expect(created.body._links['davinciApplication.rotateKey']).toEqual({ href: `${url}/key` });

    const replaced = await session.call('PUT', url, {
      name: 'Storefront 2',
      apiKey: { enabled: false },
      oauth: { redirectUris: ['https://shop.example.com/cb'] },
    });
    expect(replaced.body.apiKey).toEqual({ enabled: false, value: apiKey.value });
    expect(replaced.body.oauth).toMatchObject({
      clientSecret: oauth.clientSecret,
      redirectUris: ['https://shop.example.com/cb'],
    });

    const key = await session.call(
      'POST',
      `${url}/key`,
      {},
      {
        'content-type': 'application/vnd.pingidentity.davinciApplication.rotateKey+json',
      },
    );
    expect(key.status).toBe(200);
    expect(key.body.apiKey.value).not.toBe(apiKey.value);
    expect(key.body.oauth.clientSecret).toBe(oauth.clientSecret);
    const secret = await session.call(
      'POST',
      `${url}/secret`,
      {},
      {
        'content-type': 'application/vnd.pingidentity.davinciApplication.rotateSecret+json',
      },
    );
    expect(secret.body.oauth.clientSecret).not.toBe(oauth.clientSecret);
    const read = (await session.call('GET', url)).body;
    expect(read.apiKey.value).toBe(key.body.apiKey.value);
    expect(read.oauth.clientSecret).toBe(secret.body.oauth.clientSecret);
    expect(JSON.stringify(read)).not.toContain(apiKey.value);
  });

  it('keeps flow policies under their application, naming existing flows', async () => {
    const application = (await session.call('POST', applications, { name: 'Policies' })).body;
    const flow = (await session.call('POST', `${session.environmentUrl}/flows`, { name: 'Run me' })).body;
    const policies = `${applications}/${application.id}/flowPolicies`;
    const created = await session.call('POST', policies, {
      flowDistributions: [{ id: flow.id, version: -1, weight: 100 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'New Policy',
      status: 'enabled',
      application: { id: application.id },
    });
    const unknown = await session.call('POST', policies, {
      flowDistributions: [{ id: 'nosuchflow', version: 1 }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].target).toBe('flowDistributions[0].id');
    const events = await session.call('GET', `${policies}/${created.body.id}/events`);
    expect(events.body._embedded.events).toEqual([]);

    expect((await session.call('DELETE', `${applications}/${application.id}`)).status).toBe(204);
    expect((await session.call('GET', `${policies}/${created.body.id}`)).status).toBe(404);
  });
});
