import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { assertNotDefault, nextDefault, takeDefault } from './default-flag.js';
import { generic, newResource, requireItem } from './generic.js';

const noun = 'language';

/**
 * Languages: every environment starts with English as its enabled default; a new language starts
 * disabled and not default and is named from its ISO code; only an enabled language can be the
 * default, and neither the default nor PingOne's own languages can be deleted. Translations are kept
 * per locale of an existing language.
 */
export const languageBehaviours: BehaviourFamily = {
  listLanguages: (context) => withEnglish(context, generic.list),
  getLanguage: (context) => withEnglish(context, generic.read),
  createLanguage: (context) => withEnglish(context, createLanguage),
  replaceLanguage: (context) => withEnglish(context, replaceLanguage),
  deleteLanguage: (context) => withEnglish(context, deleteLanguage),
  createLanguageLocalizationStatus: (context) => {
    const languageId = context.pathParameters.languageId ?? '';
    return generic.create(context, {
      ...asObject(context.body),
      localeId: languageId,
      locale: { id: languageId },
    });
  },
  replaceLanguageLocalizationStatus: (context) => {
    const existing = requireItem(context);
    return generic.replace(context, {
      ...asObject(context.body),
      localeId: existing.localeId,
      locale: existing.locale,
    });
  },
  listTranslations: listTranslations,
  setTranslations: setTranslations,
};

function withEnglish(context: BehaviourContext, next: (context: BehaviourContext) => Reply): Reply {
  const key = `/environments/${context.environmentId ?? ''}/languages`;
  const marker = context.store.privateData(key);
  if (marker.englishSeeded !== true) {
    marker.englishSeeded = true;
    const id = randomUUID();
    const body = { locale: 'en', name: 'English', enabled: true, default: true, customerAdded: false };
    context.store.putItem(
      key,
      id,
      newResource(context.services.apiUrl, context.environmentId, key, id, body),
    );
  }
  return next(context);
}

function createLanguage(context: BehaviourContext): Reply {
  const body = asObject(context.body);
  for (const flag of ['enabled', 'default'] as const) {
    if (body[flag] !== false) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: flag,
          message: `A new language must be created with ${flag} false.`,
        },
      ]);
    }
  }
  const locale = String(body.locale);
  const name = typeof body.name === 'string' ? body.name : isoName(locale);
  return generic.create(context, { ...body, name, customerAdded: true });
}

function replaceLanguage(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = asObject(context.body);
  const isDefault = nextDefault(existing, body.default, noun);
  if (isDefault && body.enabled !== true) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'enabled', message: 'The default language must be enabled.' },
    ]);
  }
  const reply = generic.replace(context, {
    ...body,
    name: typeof body.name === 'string' ? body.name : existing.name,
    default: isDefault,
    customerAdded: existing.customerAdded,
  });
  if (isDefault) takeDefault(context.store, context.location.collectionKey ?? '', existing.id as string);
  return reply;
}

function deleteLanguage(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  assertNotDefault(existing, noun);
  if (existing.customerAdded !== true) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'customerAdded',
        message: "PingOne's own languages cannot be deleted.",
      },
    ]);
  }
  return generic.delete(context);
}

/** The language's English name from its ISO code, as PingOne names a language created without one. */
function isoName(locale: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
  } catch {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'locale', message: `${locale} is not an ISO language code.` },
    ]);
  }
}

/** Translations of a locale the environment has; the emulator keeps only the texts that were set. */
function translationsKey(context: BehaviourContext): string {
  const environmentId = context.environmentId ?? '';
  const locale = context.pathParameters.locale ?? '';
  withEnglish(context, () => ({ status: 200 }));
  const known = [...context.store.items(`/environments/${environmentId}/languages`).values()].some(
    (item) => String(item.locale).toLowerCase() === locale.toLowerCase(),
  );
  if (!known) throw notFound(`The environment has no language ${locale}.`);
  return `/environments/${environmentId}/translations/${locale.toLowerCase()}`;
}

/**
 * `module` and `block` select by key: the emulator reads a key as `<module>.<block>.<text>`, which is
 * enough to tell the parts apart in tests.
 */
function listTranslations(context: BehaviourContext): Reply {
  const { module, block } = context.query;
  const items = [...context.store.items(translationsKey(context)).values()].filter((item) => {
    const [keyModule, keyBlock] = String(item.key).split('.');
    return (module === undefined || keyModule === module) && (block === undefined || keyBlock === block);
  });
  return {
    status: context.operation.successStatus,
    body: {
      _links: { self: { href: context.requestUrl } },
      _embedded: { translations: items },
      count: items.length,
      size: items.length,
    },
  };
}

function setTranslations(context: BehaviourContext): Reply {
  const key = translationsKey(context);
  const entries = Array.isArray(context.body) ? context.body.filter(isObject) : [];
  const saved = entries.map((entry) => {
    const textKey = String(entry.key);
    const existing = context.store.getItem(key, textKey);
    const translation: Resource = {
      id: (existing?.id as string | undefined) ?? randomUUID(),
      key: textKey,
      shortKey: textKey.split('.').at(-1) ?? textKey,
      translatedText: entry.translatedText,
    };
    context.store.putItem(key, textKey, translation);
    return translation;
  });
  return { status: context.operation.successStatus, body: saved };
}

function asObject(body: unknown): Resource {
  return isObject(body) ? body : {};
}
