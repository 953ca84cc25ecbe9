import { InvalidArgumentError } from '@pingone-sdk/core';
import { requireNumber, requireText, requireUrl } from '@pingone-sdk/core/internal';
import type { AuthorizationRequest } from '../authorization-request.js';
import { scopeText } from './scope-text.js';

/** Checks an authorization request and returns its wire parameters, in a stable order. */
export function authorizationParameters(request: AuthorizationRequest): Array<[string, string]> {
  const parameters: Array<[string, string]> = [
    [
      'response_type',
      request.responseType === undefined ? 'code' : requireText(request.responseType, 'responseType'),
    ],
    ['client_id', request.client.clientId],
    ['redirect_uri', requireUrl(request.redirectUri, 'redirectUri')],
    ['scope', scopeText(request.scope)],
  ];
  const optional = (name: string, value: string | undefined, parameter: string) => {
    if (value !== undefined) parameters.push([name, requireText(value, parameter)]);
  };
  optional('state', request.state, 'state');
  optional('nonce', request.nonce, 'nonce');
  if (request.codeChallenge !== undefined) {
    parameters.push(['code_challenge', requireText(request.codeChallenge, 'codeChallenge')]);
    parameters.push(['code_challenge_method', request.codeChallengeMethod ?? 'S256']);
  }
  optional('response_mode', request.responseMode, 'responseMode');
  optional('prompt', request.prompt, 'prompt');
  optional('login_hint', request.loginHint, 'loginHint');
  if (request.maxAge !== undefined) {
    const maxAge = requireNumber(request.maxAge, 'maxAge', { minimum: 0, integer: true, unit: 'seconds' });
    parameters.push(['max_age', String(maxAge)]);
  }
  if (request.acrValues !== undefined)
    parameters.push(['acr_values', scopeText(request.acrValues, 'acrValues')]);
  const taken = new Set(parameters.map(([name]) => name));
  for (const [name, value] of Object.entries(request.extraParams ?? {})) {
    if (taken.has(name))
      throw new InvalidArgumentError(
        `extraParams.${name}`,
        'a parameter the named options do not already set',
      );
    parameters.push([name, String(value)]);
  }
  return parameters;
}
