import { isObject } from '@pingone-sdk/openapi';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generateSecret } from './client-secret.js';
import { generic, requireItem } from './generic.js';

function applicationsKey(context: BehaviourContext): string {
  return `/environments/${context.environmentId ?? ''}/davinciApplications`;
}

/** The application the URL's `davinciApplicationId` names; its existence was checked before. */
function applicationOf(context: BehaviourContext): Resource {
  const id = context.pathParameters.davinciApplicationId ?? '';
  return context.store.getItem(applicationsKey(context), id) ?? {};
}

/** The links PingOne puts on a DaVinci application: its flow policies and its two rotations. */
function withApplicationLinks(context: BehaviourContext, reply: Reply): Reply {
  const application = reply.body as Resource;
  const environment = `${context.services.apiUrl}/environments/${context.environmentId ?? ''}`;
  const self = `${environment}/davinciApplications/${String(application.id)}`;
  const linked: Resource = {
    ...application,
    _links: {
      self: { href: self },
      environment: { href: environment },
      flowPolicies: { href: `${self}/flowPolicies` },
      'davinciApplication.rotateKey': { href: `${self}/key` },
      'davinciApplication.rotateSecret': { href: `${self}/secret` },
    },
  };
  context.store.putItem(applicationsKey(context), String(application.id), linked);
  return { ...reply, body: linked };
}

function createApplication(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  const created = generic.create(context, {
    ...body,
    apiKey: { enabled: true, value: generateSecret() },
    oauth: {
      clientSecret: generateSecret(),
      grantTypes: ['authorizationCode'],
      scopes: ['openid', 'profile'],
    },
  });
  return withApplicationLinks(context, created);
}

/** A replace changes the name, whether the key is accepted and the OAuth settings; never the key or secret. */
function replaceApplication(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = isObject(context.body) ? context.body : {};
  const apiKey = isObject(existing.apiKey) ? existing.apiKey : {};
  const oauth = isObject(existing.oauth) ? existing.oauth : {};
  return withApplicationLinks(
    context,
    generic.replace(context, {
      ...body,
      apiKey: { ...apiKey, ...(isObject(body.apiKey) ? body.apiKey : {}), value: apiKey.value },
      oauth: { ...oauth, ...(isObject(body.oauth) ? body.oauth : {}), clientSecret: oauth.clientSecret },
    }),
  );
}

/** Replaces one credential of the application; from now on only the new value is answered. */
function rotate(context: BehaviourContext, field: 'apiKey' | 'oauth', valueField: string): Reply {
  const application = applicationOf(context);
  const part = isObject(application[field]) ? application[field] : {};
  const updated: Resource = {
    ...application,
    [field]: { ...part, [valueField]: generateSecret() },
    updatedAt: new Date().toISOString(),
  };
  context.store.putItem(applicationsKey(context), String(application.id), updated);
  return { status: 200, body: updated };
}

function createFlowPolicy(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  return generic.create(context, {
    name: 'New Policy',
    status: 'enabled',
    ...body,
    application: { id: context.pathParameters.davinciApplicationId },
  });
}

function replaceFlowPolicy(context: BehaviourContext): Reply {
  requireItem(context);
  const body = isObject(context.body) ? context.body : {};
  return generic.replace(context, {
    status: 'enabled',
    ...body,
    application: { id: context.pathParameters.davinciApplicationId },
  });
}

/**
 * DaVinci applications get an API key and a client secret from PingOne; rotation issues new ones
 * and the old values are never answered again. Flow policies belong to their application.
 */
export const davinciApplicationBehaviours: BehaviourFamily = {
  createDaVinciApplication: createApplication,
  replaceDaVinciApplication: replaceApplication,
  rotateDaVinciApplicationKey: (context) => rotate(context, 'apiKey', 'value'),
  rotateDaVinciApplicationSecret: (context) => rotate(context, 'oauth', 'clientSecret'),
  createDaVinciApplicationFlowPolicy: createFlowPolicy,
  replaceDaVinciApplicationFlowPolicy: replaceFlowPolicy,
};
