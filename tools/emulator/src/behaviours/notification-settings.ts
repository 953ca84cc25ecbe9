import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { takeDefault } from './default-flag.js';
import { generic } from './generic.js';

/** What an environment's notification settings are until changed, and again after a reset. */
const defaultSettings = { deliveryMode: 'ALL', smsProvidersFallbackChain: ['PINGONE_TWILIO'] };

/**
 * Notification settings beyond the generic singleton: they always exist (a reset restores the
 * defaults), an environment without its own email server has no email delivery settings (404), the
 * secrets of email servers and phone providers are never answered, and one policy at most is default.
 */
export const notificationSettingsBehaviours: BehaviourFamily = {
  getNotificationsSettings: (context) => {
    if (!context.store.getSingleton(context.location.key)) resetSettings(context);
    return generic.singletonRead(context);
  },
  resetNotificationsSettings: (context) => {
    resetSettings(context);
    return generic.singletonRead(context);
  },
  getEmailDeliverySettings: (context) => {
    if (!context.store.getSingleton(context.location.key)) {
      throw notFound('The environment sends email through the PingOne email service.');
    }
    return generic.singletonRead(context);
  },
  replaceEmailDeliverySettings: (context) => generic.singletonReplace(context, withoutSecrets(context.body)),
  createPhoneDeliverySettings: (context) => generic.create(context, checkedProvider(context)),
  replacePhoneDeliverySettings: (context) => generic.replace(context, checkedProvider(context)),
  createNotificationsPolicy: (context) => keepOneDefault(context, generic.create(context)),
  replaceNotificationsPolicy: (context) => keepOneDefault(context, generic.replace(context)),
};

function resetSettings(context: BehaviourContext): void {
  generic.singletonReplace(context, defaultSettings);
}

/** A Twilio or Syniverse account is unusable without its token, which answers never carry. */
function checkedProvider(context: BehaviourContext): Resource {
  const body = isObject(context.body) ? context.body : {};
  if (body.provider !== 'CUSTOM_PROVIDER' && typeof body.authToken !== 'string') {
    throw invalidData([
      { code: 'REQUIRED_VALUE', target: 'authToken', message: 'authToken is required for this provider.' },
    ]);
  }
  return withoutSecrets(body);
}

/** PingOne stores passwords and tokens to use them, but never shows them again. */
function withoutSecrets(body: unknown): Resource {
  const copy: Resource = isObject(body) ? { ...body } : {};
  delete copy.password;
  delete copy.authToken;
  if (isObject(copy.authentication)) {
    const { password: _password, authToken: _authToken, ...rest } = copy.authentication;
    copy.authentication = rest;
  }
  return copy;
}

function keepOneDefault(context: BehaviourContext, reply: Reply): Reply {
  const body = reply.body as Resource;
  if (body.default === true) {
    takeDefault(context.store, context.location.collectionKey ?? '', body.id as string);
  }
  return reply;
}
