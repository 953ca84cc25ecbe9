import { isObject } from '@pingone-sdk/openapi';
import { invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { withCollection } from './collection-view.js';
import { generic, requireItem } from './generic.js';

/**
 * Identity propagation. Rules and mappings are flat collections of the environment that PingOne also
 * shows per plan and per rule, so those views filter the flat collection; a mapping is created under
 * its rule's URL but lives at `/propagation/mappings/{id}`. A store that a rule uses cannot be
 * deleted, and each revision points at the one taken before it.
 */
export const propagationBehaviours: BehaviourFamily = {
  listPropagationPlanRules: (context) =>
    listWhere(context, propagationKey(context, 'rules'), 'plan', context.pathParameters.planId),
  listPropagationRuleMappings: (context) =>
    listWhere(context, propagationKey(context, 'mappings'), 'rule', context.pathParameters.ruleId),
  createPropagationMapping: (context) => {
    const body = isObject(context.body) ? context.body : {};
    const key = propagationKey(context, 'mappings');
    return generic.create(atCollection(context, key), {
      ...body,
      rule: { id: context.pathParameters.ruleId },
    });
  },
  deletePropagationMapping: (context) => {
    const key = propagationKey(context, 'mappings');
    return generic.delete({ ...context, location: { ...context.location, collectionKey: key } });
  },
  deletePropagationRule: (context) => {
    const reply = generic.delete(context);
    const mappings = context.store.items(propagationKey(context, 'mappings'));
    for (const [id, mapping] of [...mappings]) {
      if (referencedId(mapping, 'rule') === context.pathParameters.ruleId) mappings.delete(id);
    }
    return reply;
  },
  deletePropagationStore: (context) => {
    requireItem(context);
    const storeId = context.pathParameters.storeId;
    for (const rule of context.store.items(propagationKey(context, 'rules')).values()) {
      if (referencedId(rule, 'sourceStore') === storeId || referencedId(rule, 'targetStore') === storeId) {
        throw invalidData([
          {
            code: 'INVALID_VALUE',
            target: 'id',
            message: `The store is used by the propagation rule ${String(rule.id)}; delete or change that rule first.`,
          },
        ]);
      }
    }
    return generic.delete(context);
  },
  createPropagationRevision: (context) => {
    const previous = latestRevision(context);
    return generic.create(context, {
      ...(previous ? { previousRevision: { id: previous.id } } : {}),
      createdBy: context.caller.clientId,
    });
  },
  getLatestPropagationRevision: (context) => {
    const latest = latestRevision(context);
    if (!latest) throw notFound('No propagation revision has been taken in this environment.');
    return { status: context.operation.successStatus, body: latest };
  },
};

function propagationKey(context: BehaviourContext, collection: string): string {
  return `/environments/${context.environmentId ?? ''}/propagation/${collection}`;
}

function referencedId(resource: Resource, attribute: string): unknown {
  const reference = resource[attribute];
  return isObject(reference) ? reference.id : undefined;
}

function atCollection(context: BehaviourContext, collectionKey: string): BehaviourContext {
  return { ...context, location: { ...context.location, key: collectionKey, collectionKey } };
}

/** A page of the flat collection's items whose `<attribute>.id` is `id`. */
function listWhere(
  context: BehaviourContext,
  flatKey: string,
  attribute: string,
  id: string | undefined,
): Reply {
  const matching = new Map(
    [...context.store.items(flatKey)].filter(([, item]) => referencedId(item, attribute) === id),
  );
  return generic.list(withCollection(context, context.location.key, matching));
}

function latestRevision(context: BehaviourContext): Resource | undefined {
  return [...context.store.items(propagationKey(context, 'revisions')).values()].at(-1);
}
