import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { assertNotDefault, nextDefault, takeDefault } from './default-flag.js';
import { generic, newResource, requireItem } from './generic.js';

const noun = 'branding theme';

/**
 * Branding settings (one per environment, with a stable id) and themes, of which exactly one is the
 * default: the hosted pages' look. A theme takes the flag when created or replaced with
 * `default: true` or through `PUT …/themes/{id}/default`; the previous default loses it.
 */
export const brandingBehaviours: BehaviourFamily = {
  getBrandingSettings: readSettings,
  replaceBrandingSettings: replaceSettings,
  createBrandingTheme: createTheme,
  replaceBrandingTheme: replaceTheme,
  deleteBrandingTheme: deleteTheme,
  getBrandingThemeDefault: readThemeDefault,
  replaceBrandingThemeDefault: replaceThemeDefault,
};

function readSettings(context: BehaviourContext): Reply {
  return { status: context.operation.successStatus, body: settingsOf(context) };
}

/** PUT clears what it leaves out (the logo), but the settings keep their id and environment. */
function replaceSettings(context: BehaviourContext): Reply {
  const existing = settingsOf(context);
  const body = isObject(context.body) ? context.body : {};
  const stored: Resource = {
    _links: existing._links,
    id: existing.id,
    environment: existing.environment,
    ...body,
  };
  context.store.setSingleton(context.location.key, stored);
  return { status: context.operation.successStatus, body: stored };
}

/** The stored settings, or PingOne's blank ones for an environment nobody has branded yet. */
function settingsOf(context: BehaviourContext): Resource {
  const stored = context.store.getSingleton(context.location.key);
  if (stored) return stored;
  const created = blankSettings(context.location.href, context.environmentId ?? '');
  context.store.setSingleton(context.location.key, created);
  return created;
}

function createTheme(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  const reply = generic.create(context, { ...body, default: body.default === true });
  afterThemeWrite(context, reply.body as Resource);
  return reply;
}

function replaceTheme(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = isObject(context.body) ? context.body : {};
  const reply = generic.replace(context, { ...body, default: nextDefault(existing, body.default, noun) });
  afterThemeWrite(context, reply.body as Resource);
  return reply;
}

function deleteTheme(context: BehaviourContext): Reply {
  assertNotDefault(requireItem(context), noun);
  return generic.delete(context);
}

function readThemeDefault(context: BehaviourContext): Reply {
  const { item } = themeOf(context);
  return { status: context.operation.successStatus, body: defaultFlag(context, item) };
}

/** `default: true` takes the flag; `false` on the current default is refused (one theme must hold it). */
function replaceThemeDefault(context: BehaviourContext): Reply {
  const { collectionKey, item } = themeOf(context);
  const requested = isObject(context.body) ? context.body.default : undefined;
  const flag = nextDefault(item, requested, noun);
  const updated =
    flag === item.default ? item : { ...item, default: flag, updatedAt: new Date().toISOString() };
  context.store.putItem(collectionKey, item.id as string, updated);
  if (flag) takeDefault(context.store, collectionKey, item.id as string);
  return { status: context.operation.successStatus, body: defaultFlag(context, updated) };
}

function afterThemeWrite(context: BehaviourContext, stored: Resource): void {
  if (stored.default === true) {
    takeDefault(context.store, context.location.collectionKey ?? '', stored.id as string);
  }
}

/** The theme a `…/themes/{themeId}/default` URL hangs from. */
function themeOf(context: BehaviourContext): { collectionKey: string; item: Resource } {
  const collectionKey = `/environments/${context.environmentId ?? ''}/themes`;
  const themeId = context.pathParameters.themeId ?? '';
  const item = context.store.getItem(collectionKey, themeId);
  if (!item) throw notFound(`Unable to find theme with ID ${themeId}.`);
  return { collectionKey, item };
}

function defaultFlag(context: BehaviourContext, item: Resource): Resource {
  return { _links: { self: { href: context.location.href } }, default: item.default === true };
}

function blankSettings(href: string, environmentId: string): Resource {
  return { _links: { self: { href } }, id: randomUUID(), environment: { id: environmentId } };
}

/**
 * A new environment's branding: settings without company name or logo, and one theme, PingOne's
 * "Ping Default" look (the `default` template with its stock colours), as the default.
 */
export function seedBranding(store: Store, apiUrl: string, environmentId: string): void {
  const environment = `/environments/${environmentId}`;
  store.setSingleton(
    `${environment}/brandingSettings`,
    blankSettings(`${apiUrl}${environment}/brandingSettings`, environmentId),
  );
  const themesKey = `${environment}/themes`;
  const id = randomUUID();
  const stored = newResource(apiUrl, environmentId, themesKey, id, {
    template: 'default',
    default: true,
    configuration: {
      name: 'Ping Default',
      logoType: 'NONE',
      backgroundType: 'DEFAULT',
      bodyTextColor: '#263956',
      buttonColor: '#2996cc',
      buttonTextColor: '#ffffff',
      cardColor: '#ffffff',
      headingTextColor: '#686f77',
      linkTextColor: '#2996cc',
    },
  });
  store.putItem(themesKey, id, stored);
}
