import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error.js';
import { credentialData, hardExpiry } from './credentials-issuing.js';

const field = (title: string, type: string, extra: Record<string, unknown> = {}) => ({
  id: title.toLowerCase(),
  title,
  type,
  isVisible: true,
  ...extra,
});
const typeWith = (...fields: object[]) => ({ metadata: { fields } });
const user = { id: 'u', email: 'ada@example.com', name: { given: 'Ada' }, age: 36 };
const issuedAt = '2026-03-01T10:00:00.000Z';

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('credentialData', () => {
  it('keeps given values and fills fixed text, the issue time and directory attributes', () => {
    const type = typeWith(
      field('Member', 'Alphanumeric Text', { required: true }),
      field('Club', 'Alphanumeric Text', { value: 'Gym', required: true }),
      field('Issued', 'Issued Timestamp', { required: true }),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a PingOne expression, not a JavaScript template.
      field('Given', 'Directory Attribute', { attribute: '${user.name.given}', required: true }),
      field('Age', 'Directory Attribute', { attribute: 'age' }),
      field('Phone', 'Directory Attribute', { attribute: 'mobilePhone', default: 'none' }),
      field('Fax', 'Directory Attribute', { attribute: 'fax' }),
    );
    expect(credentialData(type, user, { Member: 'Ada L.' }, issuedAt)).toEqual({
      Member: 'Ada L.',
      Club: 'Gym',
      Issued: issuedAt,
      Given: 'Ada',
      Age: '36',
      Phone: 'none',
    });
  });

  it('lets given values win over what PingOne would fill', () => {
    const type = typeWith(
      field('Club', 'Alphanumeric Text', { value: 'Gym' }),
      field('Mail', 'Directory Attribute', { attribute: 'email' }),
    );
    expect(credentialData(type, user, { Club: 'Pool', Mail: 'other@example.com' }, issuedAt)).toEqual({
      Club: 'Pool',
      Mail: 'other@example.com',
    });
  });

  it('names every unknown key and every missing required field in one 400 INVALID_DATA', () => {
    const type = typeWith(
      field('Member', 'Alphanumeric Text', { required: true }),
      field('Fax', 'Directory Attribute', { attribute: 'fax', required: true }),
      field('Level', 'Alphanumeric Text'),
    );
    const error = refusal(() => credentialData(type, user, { Colour: 'red', Size: 'L' }, issuedAt));
    expect(error).toMatchObject({ status: 400, code: 'INVALID_DATA' });
    expect(error.details?.map((detail) => [detail.code, detail.target])).toEqual([
      ['INVALID_VALUE', 'data.Colour'],
      ['INVALID_VALUE', 'data.Size'],
      ['REQUIRED_VALUE', 'data.Member'],
      ['REQUIRED_VALUE', 'data.Fax'],
    ]);
  });

  it('accepts no data for a type without fields and refuses any key for it', () => {
    expect(credentialData({}, user, undefined, issuedAt)).toEqual({});
    expect(refusal(() => credentialData({}, user, { Name: 'x' }, issuedAt)).details?.[0]?.target).toBe(
      'data.Name',
    );
  });
});

describe('hardExpiry', () => {
  const now = new Date(issuedAt);
  it('counts a HARD expiration from issuance in each time unit', () => {
    const expiryAfter = (duration: number, timeUnit: string) =>
      hardExpiry({ expiration: { type: 'HARD', after: { duration, timeUnit } } }, now);
    expect(expiryAfter(90, 'SECONDS')).toBe('2026-03-01T10:01:30.000Z');
    expect(expiryAfter(30, 'MINUTES')).toBe('2026-03-01T10:30:00.000Z');
    expect(expiryAfter(2, 'HOURS')).toBe('2026-03-01T12:00:00.000Z');
    expect(expiryAfter(3, 'DAYS')).toBe('2026-03-04T10:00:00.000Z');
  });

  it('uses a fixed timestamp, and gives nothing for SOFT or absent expirations', () => {
    expect(hardExpiry({ expiration: { type: 'HARD', timestamp: '2027-01-01T00:00:00Z' } }, now)).toBe(
      '2027-01-01T00:00:00Z',
    );
    expect(
      hardExpiry(
        { expiration: { type: 'SOFT', after: { duration: 1, timeUnit: 'DAYS' }, fieldName: 'Until' } },
        now,
      ),
    ).toBeUndefined();
    expect(hardExpiry({}, now)).toBeUndefined();
  });
});
