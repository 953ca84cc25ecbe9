import { InvalidArgumentError } from '@pingone-sdk/core';
import { describe, expect, it } from 'vitest';
import { createPkce } from './create-pkce.js';

describe('createPkce', () => {
  it('derives the RFC 7636 appendix B challenge from its verifier', async () => {
    // Appendix B: the verifier is the base64url of 32 listed octets, the challenge its SHA-256.
    const pkce = await createPkce({ verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk' });
    expect(pkce).toEqual({
      verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      method: 'S256',
    });
  });

  it('makes a fresh 43-character verifier of unreserved characters each time', async () => {
    const first = await createPkce();
    const second = await createPkce();
    expect(first.verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
    expect(first.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.verifier).not.toBe(second.verifier);
  });

  it('refuses verifiers that are too short, too long or use other characters', async () => {
    for (const verifier of ['short', 'a'.repeat(129), `${'a'.repeat(42)}+`]) {
      await expect(createPkce({ verifier })).rejects.toBeInstanceOf(InvalidArgumentError);
    }
  });
});
