import { BadRequestError, NotFoundError, paginate } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNotificationsPolicy,
  createNotificationTemplateContent,
  createPhoneDeliverySettings,
  deleteEmailDeliverySettings,
  deleteNotificationsPolicy,
  deleteNotificationTemplateContent,
  deleteNotificationTemplateContentVariants,
  deletePhoneDeliverySettings,
  getEmailDeliverySettings,
  getNotificationsPolicy,
  getNotificationsSettings,
  getNotificationTemplate,
  getNotificationTemplateContent,
  getPhoneDeliverySettings,
  listNotificationsPolicies,
  listNotificationTemplateContents,
  listNotificationTemplates,
  listPhoneDeliverySettings,
  renameNotificationTemplateContentVariants,
  replaceEmailDeliverySettings,
  replaceNotificationsPolicy,
  replaceNotificationsSettings,
  replaceNotificationTemplateContent,
  replacePhoneDeliverySettings,
  resetNotificationsSettings,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: PingOne's own placeholder syntax in message texts.
const otp = '${otp}';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('notifications against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('reads the predefined templates', async () => {
    const client = session.client;
    const names: string[] = [];
    for await (const template of paginate(listNotificationTemplates, { client })) names.push(id(template));
    expect(names).toContain('strong_authentication');
    expect(names).toContain('device_pairing');

    const { data: template } = await getNotificationTemplate({
      client,
      path: { templateName: 'device_pairing' },
    });
    expect(template.deliveryMethods).toEqual(expect.arrayContaining(['Email', 'SMS']));
  });

  it('creates, reads, replaces and deletes template contents of each delivery method', async () => {
    const client = session.client;
    const path = { templateName: 'strong_authentication' } as const;
    const { data: sms } = await createNotificationTemplateContent({
      client,
      path,
      body: {
        deliveryMethod: 'SMS',
        locale: 'en',
        content: `Your passcode is ${otp}`,
        sender: 'ExampleBank',
      },
    });
    expect(sms).toMatchObject({
      deliveryMethod: 'SMS',
      locale: 'en',
      template: { id: 'strong_authentication' },
    });
    const { data: email } = await createNotificationTemplateContent({
      client,
      path,
      body: {
        deliveryMethod: 'Email',
        locale: 'en',
        subject: 'Your passcode',
        body: `<p>${otp}</p>`,
        from: { name: 'Example Bank', address: 'noreply@example.com' },
      },
    });

    const { data: read } = await getNotificationTemplateContent({
      client,
      path: { ...path, contentId: id(email) },
    });
    // The union narrows on deliveryMethod: only an email content has a subject.
    if (read.deliveryMethod !== 'Email') throw new Error(`expected an email, got ${read.deliveryMethod}`);
    expect(read.subject).toBe('Your passcode');

    const { data: replaced } = await replaceNotificationTemplateContent({
      client,
      path: { ...path, contentId: id(sms) },
      body: { deliveryMethod: 'SMS', locale: 'en', content: `Code: ${otp}` },
    });
    expect(replaced).toMatchObject({ deliveryMethod: 'SMS', content: `Code: ${otp}` });
    expect(replaced).not.toHaveProperty('sender');

    const { data: page } = await listNotificationTemplateContents({ client, path });
    expect(page._embedded.contents.map(id).sort()).toEqual([id(sms), id(email)].sort());

    await deleteNotificationTemplateContent({ client, path: { ...path, contentId: id(sms) } });
    await expect(
      getNotificationTemplateContent({ client, path: { ...path, contentId: id(sms) } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses a delivery method the template does not send by, and a second text for the same slot', async () => {
    const client = session.client;
    await expect(
      createNotificationTemplateContent({
        client,
        path: { templateName: 'credential_verification' },
        body: { deliveryMethod: 'SMS', locale: 'en', content: 'Hello' },
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'deliveryMethod' }] });

    const path = { templateName: 'transaction' } as const;
    const body = { deliveryMethod: 'Voice', locale: 'en', content: `Your code is ${otp}` } as const;
    await createNotificationTemplateContent({ client, path, body });
    await expect(createNotificationTemplateContent({ client, path, body })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('renames and deletes a variant across its contents', async () => {
    const client = session.client;
    const path = { templateName: 'general' } as const;
    for (const locale of ['en', 'fr']) {
      await createNotificationTemplateContent({
        client,
        path,
        body: { deliveryMethod: 'SMS', locale, variant: 'holiday', content: `Happy holidays (${locale})` },
      });
    }
    const { data: plain } = await createNotificationTemplateContent({
      client,
      path,
      body: { deliveryMethod: 'SMS', locale: 'en', content: 'Hello' },
    });

    const { data: renamed } = await renameNotificationTemplateContentVariants({
      client,
      path,
      query: { filter: 'variant eq "holiday"' },
      body: { variant: 'winter' },
    });
    expect(renamed._embedded.contents.map((content) => [content.locale, content.variant]).sort()).toEqual([
      ['en', 'winter'],
      ['fr', 'winter'],
    ]);

    await deleteNotificationTemplateContentVariants({
      client,
      path,
      query: { filter: 'variant eq "winter"' },
    });
    const { data: left } = await listNotificationTemplateContents({ client, path });
    expect(left._embedded.contents.map(id)).toEqual([id(plain)]);
  });

  it('replaces and resets the notification settings', async () => {
    const client = session.client;
    const { data: initial } = await getNotificationsSettings({ client });
    expect(initial.smsProvidersFallbackChain).toEqual(['PINGONE_TWILIO']);

    const { data: replaced } = await replaceNotificationsSettings({
      client,
      body: {
        from: { name: 'Example Bank', address: 'noreply@example.com' },
        restrictions: { smsVoiceQuota: { daily: 500 } },
      },
    });
    expect(replaced.restrictions?.smsVoiceQuota.daily).toBe(500);
    const { data: read } = await getNotificationsSettings({ client });
    expect(read.from).toEqual({ name: 'Example Bank', address: 'noreply@example.com' });

    const { data: reset } = await resetNotificationsSettings({ client });
    expect(reset.from).toBeUndefined();
    expect(reset.smsProvidersFallbackChain).toEqual(['PINGONE_TWILIO']);
  });

  it('configures an SMTP server without ever answering its password', async () => {
    const client = session.client;
    await expect(getEmailDeliverySettings({ client })).rejects.toBeInstanceOf(NotFoundError);

    const { data: saved } = await replaceEmailDeliverySettings({
      client,
      body: {
        protocol: 'SMTPS',
        host: 'smtp.example.com',
        port: 465,
        username: 'mailer',
        password: 'correct-horse-battery',
        from: { address: 'noreply@example.com' },
      },
    });
    expect(saved).toMatchObject({ protocol: 'SMTPS', host: 'smtp.example.com' });
    expect(saved).not.toHaveProperty('password');
    const { data: read } = await getEmailDeliverySettings({ client });
    if (read.protocol === 'HTTP') throw new Error('expected an SMTP server');
    expect(read.username).toBe('mailer');

    await deleteEmailDeliverySettings({ client });
    await expect(getEmailDeliverySettings({ client })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('adds, lists, replaces and deletes phone providers of both kinds', async () => {
    const client = session.client;
    await expect(
      createPhoneDeliverySettings({ client, body: { provider: 'CUSTOM_TWILIO', sid: 'AC01' } }),
    ).rejects.toMatchObject({ status: 400, details: [{ target: 'authToken' }] });

    const { data: twilio } = await createPhoneDeliverySettings({
      client,
      body: { provider: 'CUSTOM_TWILIO', sid: 'AC01', authToken: 'secret-token' },
    });
    expect(twilio).not.toHaveProperty('authToken');
    const { data: custom } = await createPhoneDeliverySettings({
      client,
      body: {
        provider: 'CUSTOM_PROVIDER',
        name: 'Regional SMS',
        authentication: { method: 'BEARER', authToken: 'secret-token' },
        requests: [
          {
            deliveryMethod: 'SMS',
            method: 'POST',
            url: 'https://sms.example.com/send',
            phoneNumberFormat: 'FULL',
          },
        ],
      },
    });
    if (custom.provider !== 'CUSTOM_PROVIDER') throw new Error('expected a custom provider');
    expect(custom.authentication).toEqual({ method: 'BEARER' });

    const { data: page } = await listPhoneDeliverySettings({ client });
    expect(page._embedded.phoneDeliverySettings.map(id).sort()).toEqual([id(twilio), id(custom)].sort());

    const { data: replaced } = await replacePhoneDeliverySettings({
      client,
      path: { phoneDeliverySettingsId: id(twilio) },
      body: {
        provider: 'CUSTOM_TWILIO',
        sid: 'AC01',
        authToken: 'secret-token',
        numbers: [{ number: '+15125550123', type: 'PHONE_NUMBER', selected: true }],
      },
    });
    if (replaced.provider === 'CUSTOM_PROVIDER') throw new Error('expected a Twilio account');
    expect(replaced.numbers?.[0]?.selected).toBe(true);

    await deletePhoneDeliverySettings({ client, path: { phoneDeliverySettingsId: id(twilio) } });
    await expect(
      getPhoneDeliverySettings({ client, path: { phoneDeliverySettingsId: id(twilio) } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates, reads, replaces and deletes notification policies with one default', async () => {
    const client = session.client;
    const { data: first } = await createNotificationsPolicy({
      client,
      body: {
        name: 'Per-user limits',
        default: true,
        quotas: [{ type: 'USER', deliveryMethods: ['SMS', 'Voice'], total: 30 }],
      },
    });
    const { data: second } = await createNotificationsPolicy({
      client,
      body: {
        name: 'Environment limits',
        quotas: [{ type: 'ENVIRONMENT', deliveryMethods: ['Email'], total: 1000 }],
        countryLimit: { type: 'ALLOWED', deliveryMethods: ['SMS'], countries: ['US', 'CA'] },
      },
    });
    expect(second.countryLimit?.countries).toEqual(['US', 'CA']);

    await replaceNotificationsPolicy({
      client,
      path: { notificationsPolicyId: id(second) },
      body: { ...second, default: true },
    });
    const { data: firstNow } = await getNotificationsPolicy({
      client,
      path: { notificationsPolicyId: id(first) },
    });
    expect(firstNow.default).toBe(false);

    const { data: page } = await listNotificationsPolicies({ client });
    expect(page._embedded.notificationsPolicies.filter((policy) => policy.default).map(id)).toEqual([
      id(second),
    ]);

    await deleteNotificationsPolicy({ client, path: { notificationsPolicyId: id(first) } });
    await expect(
      getNotificationsPolicy({ client, path: { notificationsPolicyId: id(first) } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
