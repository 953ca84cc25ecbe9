import { X509Certificate } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';

/**
 * Custom domains go through PingOne's steps: created as `VERIFICATION_REQUIRED` with a CNAME target,
 * verified (the emulator cannot look up DNS, so every name verifies except those under the reserved
 * `.invalid` top-level domain, which never resolve), then `ACTIVE` once a certificate for the domain
 * is uploaded; the certificate must parse and name the domain.
 */
export const customDomainBehaviours: BehaviourFamily = {
  createCustomDomain: (context) => {
    const body = isObject(context.body) ? context.body : {};
    const domainName = String(body.domainName).toLowerCase();
    return generic.create(context, {
      domainName,
      canonicalName: `${domainName}.edge.pingone.example`,
      status: 'VERIFICATION_REQUIRED',
    });
  },
  verifyCustomDomain: verifyDomain,
  importCustomDomainCertificate: importCertificate,
};

function verifyDomain(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const domainName = String(existing.domainName);
  if (domainName.endsWith('.invalid')) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'domainName',
        message: `No CNAME record of ${domainName} points to ${String(existing.canonicalName)}.`,
      },
    ]);
  }
  const status = existing.status === 'VERIFICATION_REQUIRED' ? 'SSL_CERTIFICATE_REQUIRED' : existing.status;
  return { ...generic.replace(context, { ...withoutServerFields(existing), status }), status: 200 };
}

function importCertificate(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  if (existing.status === 'VERIFICATION_REQUIRED') {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'status',
        message: 'Verify the domain before uploading its certificate.',
      },
    ]);
  }
  const body = isObject(context.body) ? context.body : {};
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(String(body.certificate));
  } catch {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'certificate',
        message: 'The certificate is not a PEM X.509 certificate.',
      },
    ]);
  }
  const domainName = String(existing.domainName);
  if (certificate.checkHost(domainName) === undefined) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'certificate',
        message: `The certificate does not name ${domainName}.`,
      },
    ]);
  }
  const expiresAt = new Date(certificate.validTo).toISOString();
  return {
    ...generic.replace(context, {
      ...withoutServerFields(existing),
      status: 'ACTIVE',
      certificate: { expiresAt },
    }),
    status: 200,
  };
}

function withoutServerFields(resource: Record<string, unknown>): Record<string, unknown> {
  const { _links, id, environment, createdAt, updatedAt, ...rest } = resource;
  return rest;
}
