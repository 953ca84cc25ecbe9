import { InvalidArgumentError } from '@pingone-sdk/core';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './attachment-disposition.js';

describe('attachmentDisposition', () => {
  it('quotes a plain ASCII name as it is', () => {
    expect(attachmentDisposition('logo.png')).toBe('attachment; filename="logo.png"');
    expect(attachmentDisposition('my logo (v2); final.png')).toBe(
      'attachment; filename="my logo (v2); final.png"',
    );
  });

  it('adds an RFC 6266 filename* with the exact UTF-8 name when the name is not plain ASCII', () => {
    expect(attachmentDisposition('café.png')).toBe(
      `attachment; filename="caf_.png"; filename*=UTF-8''caf%C3%A9.png`,
    );
    expect(attachmentDisposition('标志.gif')).toBe(
      `attachment; filename="__.gif"; filename*=UTF-8''%E6%A0%87%E5%BF%97.gif`,
    );
    // A character outside the BMP is one replacement, not two.
    expect(attachmentDisposition('😀.png')).toBe(
      `attachment; filename="_.png"; filename*=UTF-8''%F0%9F%98%80.png`,
    );
  });

  it('never lets quotes or backslashes end the quoted string', () => {
    expect(attachmentDisposition('a"b.png')).toBe(
      `attachment; filename="a_b.png"; filename*=UTF-8''a%22b.png`,
    );
    expect(attachmentDisposition(`it's (1)*.png`)).toBe(`attachment; filename="it's (1)*.png"`);
    expect(attachmentDisposition(`it's "1"*.png`)).toBe(
      `attachment; filename="it's _1_*.png"; filename*=UTF-8''it%27s%20%221%22%2A.png`,
    );
  });

  it('keeps only the last path segment', () => {
    expect(attachmentDisposition('brand/logos/logo.png')).toBe('attachment; filename="logo.png"');
    expect(attachmentDisposition('C:\\brand\\logo.png')).toBe('attachment; filename="logo.png"');
    expect(attachmentDisposition('../../etc/passwd')).toBe('attachment; filename="passwd"');
  });

  it('refuses empty names and control characters, naming the parameter', () => {
    for (const name of ['', '   ', 'brand/', 'logo.png\r\nX-Injected: 1', 'tab\there.png', 'nul\0.png']) {
      const error = (() => {
        try {
          attachmentDisposition(name);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error, JSON.stringify(name)).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).parameter).toBe('filename');
    }
  });

  it('always produces a value the Headers class accepts', () => {
    for (const name of ['logo.png', 'café.png', 'a"b\\c.png', '标志.gif', '😀 😀.png']) {
      expect(() => new Headers({ 'Content-Disposition': attachmentDisposition(name) })).not.toThrow();
    }
  });
});
