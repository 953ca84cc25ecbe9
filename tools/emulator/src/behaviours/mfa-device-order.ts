import { isObject } from '@pingone-sdk/openapi';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic } from './generic.js';

interface OrderData {
  order?: string[];
}

/**
 * The order of a user's MFA devices: lists follow the order set with `reorderUserMfaDevices` (devices
 * it does not name, such as ones added since, follow in creation order); removing the order returns
 * to creation order. Every id in a new order must be one of the user's devices.
 */
export const mfaDeviceOrderBehaviours: BehaviourFamily = {
  listUserMfaDevices: listDevices,
  reorderUserMfaDevices: (context) => {
    const devices = context.store.items(context.location.key);
    const entries = isObject(context.body) && Array.isArray(context.body.order) ? context.body.order : [];
    const ids = entries.map((entry, index) => {
      const id = isObject(entry) ? entry.id : undefined;
      if (typeof id !== 'string' || !devices.has(id)) {
        throw invalidData([
          {
            code: 'INVALID_VALUE',
            target: `order[${index}].id`,
            message: `The user has no device with ID ${String(id)}.`,
          },
        ]);
      }
      return id;
    });
    orderData(context).order = ids;
    return { status: 200, body: { order: ids.map((id) => ({ id })) } };
  },
  removeUserMfaDeviceOrder: (context) => {
    delete orderData(context).order;
    return { status: 204 };
  },
};

function listDevices(context: BehaviourContext): Reply {
  const reply = generic.list(context);
  const order = orderData(context).order;
  const body = reply.body as { _embedded: { devices: Resource[] } };
  if (order === undefined) return reply;
  const rank = (device: Resource) => {
    const index = order.indexOf(device.id as string);
    return index === -1 ? order.length : index;
  };
  // Array.prototype.sort is stable, so unnamed devices keep their creation order.
  const devices = [...body._embedded.devices].sort((left, right) => rank(left) - rank(right));
  return { ...reply, body: { ...body, _embedded: { devices } } };
}

function orderData(context: BehaviourContext): OrderData {
  return context.store.privateData(
    `${context.location.collectionKey ?? context.location.key}#order`,
  ) as OrderData;
}
