import { randomBytes } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';
import { assertNotAssigned, assertRoleAssignment } from './role-assignment-check.js';

/**
 * Gateways keep the directory and RADIUS secrets they are given but never answer them; a credential's
 * secret is answered once, by the request that creates it; role assignments follow the rules of every
 * other holder's.
 */
export const gatewayBehaviours: BehaviourFamily = {
  createGateway: (context) => {
    const body = isObject(context.body) ? context.body : {};
    if (body.type === 'LDAP' && typeof body.bindPassword !== 'string') {
      throw invalidData([
        {
          code: 'REQUIRED_VALUE',
          target: 'bindPassword',
          message: 'An LDAP gateway needs the password of its bind DN.',
        },
      ]);
    }
    return generic.create(context, withoutSecrets(body));
  },
  replaceGateway: (context) => generic.replace(context, withoutSecrets(context.body)),
  createGatewayCredential: (context) => {
    const reply = generic.create(context, {});
    const credential = randomBytes(48).toString('base64url');
    return { ...reply, body: { ...(reply.body as Resource), credential } };
  },
  createGatewayRoleAssignment: (context) => {
    assertRoleAssignment(context.store, context.environmentId ?? '', context.body);
    assertNotAssigned(context.store, context.location.key, context.body);
    return generic.create(context, withHolder(context));
  },
  replaceGatewayRoleAssignment: (context) => {
    assertRoleAssignment(context.store, context.environmentId ?? '', context.body);
    return generic.replace(context, withHolder(context));
  },
};

function withHolder(context: BehaviourContext): Record<string, unknown> {
  const body = isObject(context.body) ? context.body : {};
  return { ...body, gateway: { id: context.pathParameters.gatewayId }, readOnly: false };
}

/** The gateway without its write-only secrets, so that no answer ever carries them. */
function withoutSecrets(body: unknown): Record<string, unknown> {
  if (!isObject(body)) return {};
  const { bindPassword: _bind, defaultSharedSecret: _shared, ...gateway } = body;
  if (isObject(gateway.kerberos)) {
    const { serviceAccountPassword: _service, ...kerberos } = gateway.kerberos;
    gateway.kerberos = kerberos;
  }
  if (Array.isArray(gateway.radiusClients)) {
    gateway.radiusClients = gateway.radiusClients.map((client: unknown) => {
      if (!isObject(client)) return client;
      const { sharedSecret: _secret, ...rest } = client;
      return rest;
    });
  }
  return gateway;
}
