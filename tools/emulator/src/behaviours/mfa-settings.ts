import { isObject } from '@pingone-sdk/openapi';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';

/**
 * PingOne's MFA settings before an environment changes them: the `default`s of the MfaSettings schema
 * in spec/mfa (a test holds the two together).
 */
export const defaultMfaSettings = {
  pairing: { maxAllowedDevices: 5, pairingKeyFormat: 'ALPHANUMERIC' },
  lockout: { failureCount: 5, durationSeconds: 600 },
  phoneExtensions: { enabled: false },
} as const;

/** The settings that apply in an environment: what it stored, each part defaulted when left out. */
export function effectiveMfaSettings(store: Store, environmentId: string): typeof defaultMfaSettings {
  const stored = store.getSingleton(settingsKey(environmentId)) ?? {};
  const part = <T extends object>(name: keyof typeof defaultMfaSettings, fallback: T): T =>
    isObject(stored[name]) ? ({ ...fallback, ...stored[name] } as T) : fallback;
  return {
    pairing: part('pairing', defaultMfaSettings.pairing),
    lockout: part('lockout', defaultMfaSettings.lockout),
    phoneExtensions: part('phoneExtensions', defaultMfaSettings.phoneExtensions),
  };
}

/**
 * One MFA settings object per environment: reading answers the defaults until it is replaced, a
 * replace fills what it leaves out from the defaults, and a reset (DELETE) returns to them.
 */
export const mfaSettingsBehaviours: BehaviourFamily = {
  getMfaSettings: (context) => answer(context, context.store.getSingleton(context.location.key)),
  replaceMfaSettings: (context) => {
    const body = isObject(context.body) ? context.body : {};
    const stored: Resource = { ...structuredClone(defaultMfaSettings), ...body };
    stored.updatedAt = new Date().toISOString();
    context.store.setSingleton(context.location.key, stored);
    return answer(context, stored);
  },
  resetMfaSettings: (context) => {
    context.store.deleteSingleton(context.location.key);
    return { status: 204 };
  },
};

function answer(context: BehaviourContext, stored: Resource | undefined): Reply {
  return {
    status: 200,
    body: {
      _links: { self: { href: context.location.href } },
      environment: { id: context.environmentId },
      ...structuredClone(defaultMfaSettings),
      ...stored,
    },
  };
}

function settingsKey(environmentId: string): string {
  return `/environments/${environmentId}/mfaSettings`;
}
