import { BadRequestError, NotFoundError } from '@pingone-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTrustedEmailAddress,
  createTrustedEmailDomain,
  deleteTrustedEmailAddress,
  deleteTrustedEmailDomain,
  getTrustedEmailAddress,
  getTrustedEmailDomain,
  getTrustedEmailDomainDkim,
  getTrustedEmailDomainOwnership,
  getTrustedEmailDomainSpf,
  listTrustedEmailAddresses,
  listTrustedEmailDomains,
  resendTrustedEmailVerificationCode,
} from '../src/index.js';
import { type EmulatorSession, startEmulatorSession } from './support/emulator-session.js';

/** Ids are read-only, so optional in the types; the emulator always answers them. */
const id = (resource: { id?: string }): string => resource.id ?? '';

describe('trusted email domains against the emulator', () => {
  let session: EmulatorSession;

  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  it('adds a domain and answers the DNS records that prove it', async () => {
    const client = session.client;
    const { data: domain } = await createTrustedEmailDomain({
      client,
      body: { domainName: 'mail.example.com' },
    });
    await createTrustedEmailDomain({ client, body: { domainName: 'news.example.org' } });
    const emailDomainId = id(domain);
    expect((await getTrustedEmailDomain({ client, path: { emailDomainId } })).data.domainName).toBe(
      'mail.example.com',
    );
    const { data: listed } = await listTrustedEmailDomains({ client });
    expect(listed._embedded.emailDomains.map((item) => item.domainName)).toEqual([
      'mail.example.com',
      'news.example.org',
    ]);

    const { data: ownership } = await getTrustedEmailDomainOwnership({ client, path: { emailDomainId } });
    expect(ownership.type).toBe('TXT');
    expect(ownership.environmentDnsRecord).toMatchObject({
      status: 'VERIFICATION_REQUIRED',
      key: '_pingone.mail.example.com',
    });
    const { data: dkim } = await getTrustedEmailDomainDkim({ client, path: { emailDomainId } });
    expect(
      dkim.regions?.[0]?.tokens?.every((record) => record.key?.endsWith('._domainkey.mail.example.com')),
    ).toBe(true);
    const { data: spf } = await getTrustedEmailDomainSpf({ client, path: { emailDomainId } });
    expect(spf).toMatchObject({ type: 'TXT', key: 'mail.example.com', status: 'VERIFICATION_REQUIRED' });
    expect(spf.value).toMatch(/^v=spf1 /);

    await deleteTrustedEmailDomain({ client, path: { emailDomainId } });
    await expect(getTrustedEmailDomain({ client, path: { emailDomainId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getTrustedEmailDomainSpf({ client, path: { emailDomainId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('trusts addresses of the domain only, and resends their verification code', async () => {
    const client = session.client;
    const { data: domain } = await createTrustedEmailDomain({
      client,
      body: { domainName: 'Alerts.Example.com' },
    });
    const emailDomainId = id(domain);
    const { data: address } = await createTrustedEmailAddress({
      client,
      path: { emailDomainId },
      body: { emailAddress: 'noreply@alerts.example.com' },
    });
    expect(address).toMatchObject({ domain: { id: emailDomainId }, status: 'VERIFICATION_REQUIRED' });
    const trustedEmailId = id(address);

    await expect(
      createTrustedEmailAddress({
        client,
        path: { emailDomainId },
        body: { emailAddress: 'noreply@example.net' },
      }),
    ).rejects.toBeInstanceOf(BadRequestError);

    const { data: resent } = await resendTrustedEmailVerificationCode({
      client,
      path: { emailDomainId, trustedEmailId },
    });
    expect(resent).toMatchObject({ id: trustedEmailId, status: 'VERIFICATION_REQUIRED' });
    const { data: read } = await getTrustedEmailAddress({ client, path: { emailDomainId, trustedEmailId } });
    expect(read.emailAddress).toBe('noreply@alerts.example.com');
    const { data: listed } = await listTrustedEmailAddresses({ client, path: { emailDomainId } });
    expect(listed._embedded.trustedEmails.map((item) => id(item))).toEqual([trustedEmailId]);

    await deleteTrustedEmailAddress({ client, path: { emailDomainId, trustedEmailId } });
    await expect(
      getTrustedEmailAddress({ client, path: { emailDomainId, trustedEmailId } }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
