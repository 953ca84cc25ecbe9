import { randomUUID } from 'node:crypto';
import type { Reply } from '../http/reply.js';
import { singular } from '../spec/build-operations.js';
import { isObject } from '../spec/resolve-ref.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext } from './behaviour.js';

const verbs: Record<string, string> = {
  POST: 'CREATED',
  PUT: 'UPDATED',
  PATCH: 'UPDATED',
  DELETE: 'DELETED',
};

/**
 * The audit trail: every successful change made through the emulator becomes an activity in
 * `/environments/<id>/activities`, shaped like PingOne's audit events (action type such as
 * `USER.CREATED`, the client actor, the resources touched, the call's correlation id), so the
 * activities list answers what was done, newest last.
 */
export function recordActivity(context: BehaviourContext, reply: Reply): void {
  const { operation, environmentId } = context;
  if (environmentId === undefined || operation.method === 'GET' || reply.status >= 300) return;
  if (operation.collectionName === 'activities') return;
  const noun = toConstant(singular(operation.collectionName ?? lastLiteral(context) ?? 'resource'));
  const verb = actionVerb(context);
  const resourceBody = isObject(reply.body) ? reply.body : undefined;
  const resourceId = (resourceBody?.id as string | undefined) ?? context.location.itemId;
  const now = new Date().toISOString();
  const id = randomUUID();
  const collectionKey = `/environments/${environmentId}/activities`;
  const resource: Resource = {
    _links: { self: { href: `${context.services.apiUrl}${collectionKey}/${id}` } },
    id,
    recordedAt: now,
    createdAt: now,
    correlationId: context.correlationId,
    actors: {
      client: {
        id: context.caller.clientId,
        environment: { id: context.caller.environmentId },
        type: 'CLIENT',
      },
    },
    action: { type: `${noun}.${verb}`, description: `${noun} ${verb}`.toLowerCase() },
    resources: [
      {
        type: noun,
        ...(resourceId !== undefined ? { id: resourceId } : {}),
        environment: { id: environmentId },
        ...(isObject(resourceBody?.population) ? { population: { id: resourceBody.population.id } } : {}),
        href: context.location.href,
      },
    ],
    result: { status: 'SUCCESS', description: `${context.operation.method} ${context.location.key}` },
  };
  const transactionId = context.headers['x-ping-external-transaction-id'];
  if (typeof transactionId === 'string') resource.externalCorrelation = { transactionId };
  context.store.putItem(collectionKey, id, resource);
}

/** `application/vnd.pingidentity.password.set+json` → `PASSWORD.SET`-style verbs for actions. */
function actionVerb(context: BehaviourContext): string {
  const vendor = /^application\/vnd\.pingidentity\.([\w.]+?)(\+json)?$/i.exec(context.mediaType ?? '');
  if (vendor?.[1]) return toConstant(vendor[1].split('.').slice(1).join('_') || vendor[1]);
  return verbs[context.operation.method] ?? 'UPDATED';
}

function lastLiteral(context: BehaviourContext): string | undefined {
  return [...context.operation.segments].reverse().find((segment) => !segment.startsWith('{'));
}

/** `signOnPolicy` → `SIGN_ON_POLICY`. */
function toConstant(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase();
}
