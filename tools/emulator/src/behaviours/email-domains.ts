import { createHash } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';

/**
 * Trusted email: a domain answers the DNS records to publish (stable per domain, never found, since
 * the emulator has no DNS), and an address must belong to its domain and starts unverified.
 */
export const emailDomainBehaviours: BehaviourFamily = {
  getTrustedEmailDomainOwnership: (context) => {
    const domain = domainOf(context);
    const name = String(domain.domainName);
    return answer(context, {
      type: 'TXT',
      regions: [
        { name: 'NA', status: pending, key: `_amazonses.${name}`, value: token(domain, 'ownership') },
      ],
      environmentDnsRecord: { status: pending, key: `_pingone.${name}`, value: context.environmentId },
    });
  },
  getTrustedEmailDomainDkim: (context) => {
    const domain = domainOf(context);
    const tokens = [1, 2, 3].map((index) => {
      const selector = token(domain, `dkim-${index}`).slice(0, 32).toLowerCase();
      return {
        key: `${selector}._domainkey.${String(domain.domainName)}`,
        value: `${selector}.dkim.amazonses.com`,
      };
    });
    return answer(context, { type: 'CNAME', regions: [{ name: 'NA', status: pending, tokens }] });
  },
  getTrustedEmailDomainSpf: (context) => {
    const domain = domainOf(context);
    return answer(context, {
      type: 'TXT',
      status: pending,
      key: String(domain.domainName),
      value: 'v=spf1 include:amazonses.com ~all',
    });
  },
  createTrustedEmailAddress: (context) => {
    const domain = domainOf(context);
    const body = isObject(context.body) ? context.body : {};
    const address = String(body.emailAddress ?? '');
    const addressDomain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    if (addressDomain !== String(domain.domainName).toLowerCase()) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: 'emailAddress',
          message: `The address must belong to the domain ${String(domain.domainName)}.`,
        },
      ]);
    }
    return generic.create(context, {
      ...body,
      domain: { id: domain.id },
      domainId: domain.id,
      status: pending,
    });
  },
};

const pending = 'VERIFICATION_REQUIRED';

/** The domain of the URL; its existence is already checked with the URL's ancestors. */
function domainOf(context: BehaviourContext): Resource {
  const key = `/environments/${context.environmentId ?? ''}/emailDomains`;
  return context.store.getItem(key, context.pathParameters.emailDomainId ?? '') ?? {};
}

function token(domain: Resource, purpose: string): string {
  return createHash('sha256')
    .update(`${String(domain.id)}:${purpose}`)
    .digest('base64url');
}

function answer(context: BehaviourContext, body: Record<string, unknown>): Reply {
  return { status: context.operation.successStatus, body };
}
