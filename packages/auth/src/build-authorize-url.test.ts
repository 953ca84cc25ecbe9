import { InvalidArgumentError } from '@pingone-sdk/core';
import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl } from './build-authorize-url.js';
import { buildSignOffUrl } from './build-sign-off-url.js';
import { createAuthClient } from './create-auth-client.js';

const client = createAuthClient({ region: 'EU', environmentId: 'env-1', clientId: 'app-1' });

describe('buildAuthorizeUrl', () => {
  it('puts every option in the query of the region authorize endpoint', () => {
    const url = new URL(
      buildAuthorizeUrl({
        client,
        redirectUri: 'https://app.example.com/callback',
        scope: ['openid', 'profile'],
        state: 's1',
        nonce: 'n1',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        responseMode: 'query',
        prompt: 'login',
        loginHint: 'ada',
        maxAge: 300,
        acrValues: ['Single_Factor'],
        extraParams: { ui_locales: 'fr' },
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.pingone.eu/env-1/as/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'app-1',
      redirect_uri: 'https://app.example.com/callback',
      scope: 'openid profile',
      state: 's1',
      nonce: 'n1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      response_mode: 'query',
      prompt: 'login',
      login_hint: 'ada',
      max_age: '300',
      acr_values: 'Single_Factor',
      ui_locales: 'fr',
    });
  });

  it('refuses a relative redirect URI, an empty scope and extra parameters that shadow named ones', () => {
    const base = { client, redirectUri: 'https://app.example.com/cb', scope: 'openid' };
    expect(() => buildAuthorizeUrl({ ...base, redirectUri: '/cb' })).toThrow(InvalidArgumentError);
    expect(() => buildAuthorizeUrl({ ...base, scope: [] })).toThrow(InvalidArgumentError);
    expect(() => buildAuthorizeUrl({ ...base, extraParams: { client_id: 'other' } })).toThrow(
      /extraParams.client_id/,
    );
  });
});

describe('buildSignOffUrl', () => {
  it('builds the sign-off URL with the hint, the redirect and the state', () => {
    const url = new URL(
      buildSignOffUrl({
        client,
        idTokenHint: 'a.b.c',
        postLogoutRedirectUri: 'https://app.example.com/bye',
        state: 'x',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.pingone.eu/env-1/as/signoff');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id_token_hint: 'a.b.c',
      post_logout_redirect_uri: 'https://app.example.com/bye',
      state: 'x',
    });
  });
});
