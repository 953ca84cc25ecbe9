import { isObject } from '@pingone-sdk/openapi';
import { invalidData, uniquenessViolation } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';

/** Fields a variable keeps for life: a replace must send the values it has. */
const immutableFields = ['name', 'context', 'flow'] as const;

/** Throws 400 UNIQUENESS_VIOLATION when another variable has the same name (any case) in the same context. */
function assertFreeName(context: BehaviourContext, body: Record<string, unknown>, ownId?: string): void {
  const name = String(body.name).toLowerCase();
  const collection = `/environments/${context.environmentId ?? ''}/variables`;
  for (const other of context.store.items(collection).values()) {
    if (other.id === ownId) continue;
    if (String(other.name).toLowerCase() === name && other.context === body.context) {
      throw uniquenessViolation('name', body.name);
    }
  }
}

function createVariable(context: BehaviourContext): Reply {
  const body = isObject(context.body) ? context.body : {};
  assertFreeName(context, body);
  return generic.create(context, { min: 0, max: 2000, ...body });
}

function replaceVariable(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const body = isObject(context.body) ? context.body : {};
  for (const field of immutableFields) {
    if (JSON.stringify(existing[field]) !== JSON.stringify(body[field])) {
      throw invalidData([
        {
          code: 'INVALID_VALUE',
          target: field,
          message: `A variable's ${field} cannot change; send ${JSON.stringify(existing[field]) ?? 'nothing'}.`,
        },
      ]);
    }
  }
  return generic.replace(context, { min: 0, max: 2000, ...body });
}

/** DaVinci variables: a name is unique within its context (company, flow, flowInstance, user). */
export const davinciVariableBehaviours: BehaviourFamily = {
  createVariable,
  replaceVariable,
};
