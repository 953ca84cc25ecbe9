import { isObject } from '@pingone-sdk/openapi';
import { compileFilter } from '../filter/compile-filter.js';
import { FilterError } from '../filter/filter-expression.js';
import { parseFilter } from '../filter/parse-filter.js';
import { ApiError, invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource, requireItem } from './generic.js';

type Method = 'Email' | 'SMS' | 'Voice' | 'Push';
const allMethods: readonly Method[] = ['Email', 'SMS', 'Voice', 'Push'];
const credential: readonly Method[] = ['Email', 'SMS', 'Push'];

/** PingOne's fixed template names (the path parameter's enum) in catalogue order. */
const templateNames = [
  'credential_issued',
  'credential_revoked',
  'credential_updated',
  'credential_verification',
  'device_pairing',
  'digital_wallet_pairing',
  'email_verification_admin',
  'email_verification_user',
  'email_phone_verification',
  'general',
  'id_verification',
  'new_device_paired',
  'recovery_code_template',
  'strong_authentication',
  'transaction',
  'verification_code_template',
] as const;

/**
 * Delivery methods where PingOne's templates page states them; the emulator lets the other templates
 * take every method rather than guess.
 */
const knownMethods: Readonly<Record<string, readonly Method[]>> = {
  credential_issued: credential,
  credential_revoked: credential,
  credential_updated: credential,
  credential_verification: ['Push'],
  device_pairing: ['Email', 'SMS', 'Voice'],
};
/** Templates that accept dynamic variables from the caller, as PingOne's templates page states. */
const dynamicVariables = new Set(['device_pairing', 'general']);

const methodsOf = (name: string): readonly Method[] => knownMethods[name] ?? allMethods;

/**
 * Notification templates: every environment holds the same fixed catalogue (seeded on first use); a
 * content must use a delivery method of its template, and a template holds one content per language,
 * method and variant. Variants are renamed or deleted in bulk through a `variant` filter.
 */
export const notificationTemplateBehaviours: BehaviourFamily = {
  listNotificationTemplates: (context) => {
    ensureCatalogue(context);
    return generic.list(context);
  },
  getNotificationTemplate: (context) => {
    ensureCatalogue(context);
    return generic.read(context);
  },
  createNotificationTemplateContent: (context) => generic.create(context, checkedContent(context)),
  replaceNotificationTemplateContent: (context) => {
    requireItem(context);
    return generic.replace(context, checkedContent(context));
  },
  renameNotificationTemplateContentVariants: renameVariants,
  deleteNotificationTemplateContentVariants: deleteVariants,
};

function ensureCatalogue(context: BehaviourContext): void {
  const key = `/environments/${context.environmentId ?? ''}/templates`;
  if (context.store.items(key).size > 0) return;
  for (const name of templateNames) {
    const displayName = name.replace(/_/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase());
    const body = {
      displayName,
      deliveryMethods: methodsOf(name),
      variables: {},
      allowDynamicVariables: dynamicVariables.has(name),
    };
    context.store.putItem(
      key,
      name,
      newResource(context.services.apiUrl, context.environmentId, key, name, body),
    );
  }
}

function checkedContent(context: BehaviourContext): Resource {
  const body = isObject(context.body) ? context.body : {};
  const name = context.pathParameters.templateName ?? '';
  const method = body.deliveryMethod as Method;
  if (!methodsOf(name).includes(method)) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'deliveryMethod',
        message: `The ${name} template does not send by ${String(method)}; it accepts ${methodsOf(name).join(', ')}.`,
      },
    ]);
  }
  const clash = [...context.store.items(contentsKey(context)).values()].find(
    (other) =>
      other.id !== context.location.itemId &&
      other.deliveryMethod === method &&
      String(other.locale).toLowerCase() === String(body.locale).toLowerCase() &&
      (other.variant ?? '') === (body.variant ?? ''),
  );
  if (clash) {
    throw invalidData([
      {
        code: 'UNIQUENESS_VIOLATION',
        target: 'locale',
        message: 'The template already has a content for this language, delivery method and variant.',
      },
    ]);
  }
  return { ...body, template: { id: name }, default: false };
}

function contentsKey(context: BehaviourContext): string {
  const { environmentId = '', templateName = '' } = context.pathParameters;
  return `/environments/${environmentId}/templates/${templateName}/contents`;
}

/** The contents a bulk request's `filter` selects; the filter is required and may name `variant` only. */
function selected(context: BehaviourContext): Resource[] {
  const filter = context.query.filter;
  if (typeof filter !== 'string') {
    throw new ApiError(400, 'INVALID_REQUEST', 'Give a filter on variant, for example variant eq "holiday".');
  }
  try {
    const predicate = compileFilter(parseFilter(filter), { variant: ['eq'] }, []);
    return [...context.store.items(contentsKey(context)).values()].filter(
      (item) => item.default !== true && predicate(item),
    );
  } catch (error) {
    if (error instanceof FilterError) {
      throw invalidData([{ code: 'INVALID_FILTER', target: 'filter', message: error.message }]);
    }
    throw error;
  }
}

function renameVariants(context: BehaviourContext): Reply {
  const variant = isObject(context.body) ? context.body.variant : undefined;
  const key = contentsKey(context);
  const changed = selected(context).map((item) => {
    const renamed = { ...item, variant, updatedAt: new Date().toISOString() };
    context.store.putItem(key, item.id as string, renamed);
    return renamed;
  });
  return {
    status: context.operation.successStatus,
    body: {
      _links: { self: { href: context.requestUrl } },
      _embedded: { contents: changed },
      count: changed.length,
      size: changed.length,
    },
  };
}

function deleteVariants(context: BehaviourContext): Reply {
  const key = contentsKey(context);
  for (const item of selected(context)) context.store.deleteItem(key, item.id as string);
  return { status: context.operation.successStatus };
}
