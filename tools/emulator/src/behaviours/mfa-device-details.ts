import { invalidData, notFound } from '../http/api-error.js';
import type { Resource } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';

/** A log request lapses a day after it is made. */
const logRequestLifetime = 24 * 60 * 60 * 1000;

/**
 * Sub-resources of one MFA device: its nickname (stored on the device itself) and a request for the
 * logs of a native (`MOBILE`) device, which other device types do not have.
 */
export const mfaDeviceDetailBehaviours: BehaviourFamily = {
  replaceUserMfaDeviceNickname: (context) => {
    const { collectionKey, device } = requireDevice(context);
    const nickname = (context.body as { nickname: string }).nickname;
    const updated: Resource = { ...device, nickname, updatedAt: new Date().toISOString() };
    context.store.putItem(collectionKey, device.id as string, updated);
    return { status: 200, body: updated };
  },
  requestUserMfaDeviceLogs: (context) => {
    const { device } = requireDevice(context);
    if (device.type !== 'MOBILE') {
      throw invalidData([
        { code: 'INVALID_VALUE', target: 'type', message: 'Only a MOBILE device can send its logs.' },
      ]);
    }
    const now = Date.now();
    const request: Resource = {
      status: (context.body as { status: string }).status,
      expiresAt: new Date(now + logRequestLifetime).toISOString(),
      updatedAt: new Date(now).toISOString(),
    };
    context.store.setSingleton(context.location.key, request);
    return { status: 200, body: request };
  },
};

/** The device the URL names (`…/devices/{deviceId}/<sub-resource>`), or 404. */
function requireDevice(context: BehaviourContext): { collectionKey: string; device: Resource } {
  const { environmentId, userId, deviceId } = context.pathParameters;
  const collectionKey = `/environments/${environmentId}/users/${userId}/devices`;
  const device = context.store.getItem(collectionKey, deviceId ?? '');
  if (!device) throw notFound(`Unable to find device with ID ${deviceId ?? ''}.`);
  return { collectionKey, device };
}
