import { isIP } from 'node:net';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';

/** What administrator security is until changed: PingOne sign-on with enforced MFA. */
const defaultAdministratorSecurity = {
  authenticationMethod: 'PINGONE',
  mfaStatus: 'ENFORCE',
  recovery: true,
  allowedMethods: { TOTP: '{"enabled":true}', FIDO2: '{"enabled":true}', EMAIL: '{"enabled":true}' },
  hasFido2Capabilities: true,
  isPingIDInBOM: false,
};

/**
 * Operational settings: rate-limit exemptions must be IP addresses or CIDR ranges; the reCAPTCHA
 * secret key is kept but never answered, and reading an unset configuration is 404; administrator
 * security always exists and needs an identity provider unless administrators sign on with PingOne.
 */
export const environmentSettingsBehaviours: BehaviourFamily = {
  createRateLimitConfiguration: (context) => {
    const value = isObject(context.body) ? String(context.body.value) : '';
    const [address, prefix] = value.split('/');
    const version = isIP(address ?? '');
    const maximum = version === 6 ? 128 : 32;
    if (version === 0 || (prefix !== undefined && !(Number(prefix) >= 0 && Number(prefix) <= maximum))) {
      throw invalidData([
        { code: 'INVALID_VALUE', target: 'value', message: `${value} is not an IP address or CIDR range.` },
      ]);
    }
    return generic.create(context);
  },
  getRecaptchaConfiguration: (context) => {
    if (!context.store.getSingleton(context.location.key)) {
      throw notFound('The environment has no reCAPTCHA configuration.');
    }
    return generic.singletonRead(context);
  },
  replaceRecaptchaConfiguration: (context) => {
    const { secretKey: _secretKey, ...visible } = isObject(context.body) ? context.body : {};
    return generic.singletonReplace(context, visible);
  },
  getAdministratorSecurity: (context) => {
    if (!context.store.getSingleton(context.location.key)) {
      generic.singletonReplace(context, defaultAdministratorSecurity);
    }
    return generic.singletonRead(context);
  },
  replaceAdministratorSecurity: replaceAdministratorSecurity,
};

function replaceAdministratorSecurity(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  if (body.authenticationMethod !== 'PINGONE' && !isObject(body.provider)) {
    throw invalidData([
      {
        code: 'REQUIRED_VALUE',
        target: 'provider',
        message: `${String(body.authenticationMethod)} sign-on needs the identity provider in provider.id.`,
      },
    ]);
  }
  const { hasFido2Capabilities, isPingIDInBOM } = defaultAdministratorSecurity;
  return generic.singletonReplace(context, { ...body, hasFido2Capabilities, isPingIDInBOM });
}
