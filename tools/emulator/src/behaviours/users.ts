import { randomInt } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { ApiError, invalidData, notFound } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource, Store } from '../state/store.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, requireItem } from './generic.js';
import { recordMessage } from './user-messages.js';
import { issueVerificationCode } from './user-verification.js';

/** Failed password checks before PingOne's default password policy locks the account. */
const lockoutFailures = 5;

/** What a user keeps in private data: never answered, only checked. */
interface UserSecrets {
  password?: string;
  passwordStatus?: 'OK' | 'MUST_CHANGE_PASSWORD' | 'LOCKED';
  passwordChangedAt?: string;
  failedChecks?: number;
  recoveryCode?: string;
}

/** Users beyond CRUD: default population, import with password, password actions, lock, enable, move. */
export const userBehaviours: BehaviourFamily = {
  createUser: (context) => createUser(context),
  importUser: importUser,
  replaceUser: replaceUser,
  updateUser: updateUser,
  lockUserAccount: (context) => setLocked(context, true),
  unlockUserAccount: (context) => setLocked(context, false),
  getUserPasswordState: (context) => passwordState(context),
  setUserPassword: setPassword,
  resetUserPassword: resetPassword,
  checkUserPassword: checkPassword,
  forceUserPasswordChange: forcePasswordChange,
  sendUserPasswordRecoveryCode: sendRecoveryCode,
  recoverUserPassword: recoverPassword,
  unlockUserPassword: unlockPassword,
  getUserEnabled: (context) => enabledState(context),
  replaceUserEnabled: setEnabled,
  getUserPopulation: readUserPopulation,
  replaceUserPopulation: moveUser,
};

/** The environment's default population (`default: true`), where users without a population go. */
export function defaultPopulationId(store: Store, environmentId: string): string | undefined {
  for (const population of store.items(`/environments/${environmentId}/populations`).values()) {
    if (population.default === true) return population.id as string;
  }
  return undefined;
}

/** Stores a password as PingOne would hash it: only comparable, never answered. */
export function storePassword(store: Store, userKey: string, value: string, forceChange = false): void {
  const secrets = store.privateData(userKey) as UserSecrets;
  secrets.password = value;
  secrets.passwordStatus = forceChange ? 'MUST_CHANGE_PASSWORD' : 'OK';
  secrets.passwordChangedAt = new Date().toISOString();
  secrets.failedChecks = 0;
}

function createUser(context: BehaviourContext, body: unknown = context.body): Reply {
  const environmentId = context.environmentId ?? '';
  const requested = isObject(body) ? body : {};
  const populationId = requestedPopulation(requested) ?? defaultPopulationId(context.store, environmentId);
  assertPopulation(context, populationId, 'population.id');
  return generic.create(context, {
    ...(populationId ? { population: { id: populationId } } : {}),
    ...requested,
  });
}

function importUser(context: BehaviourContext): Reply {
  const { password: given, lifecycle, ...rest } = isObject(context.body) ? context.body : {};
  // `suppressVerificationCode` is write-only: it decides whether a code is sent, and is not stored.
  const { suppressVerificationCode, ...storedLifecycle } = isObject(lifecycle) ? lifecycle : {};
  const reply = createUser(context, isObject(lifecycle) ? { ...rest, lifecycle: storedLifecycle } : rest);
  const created = reply.body as Resource;
  if (storedLifecycle.status === 'VERIFICATION_REQUIRED' && suppressVerificationCode !== true) {
    issueVerificationCode(context.store, context.environmentId ?? '', created.id as string);
  }
  const value = isObject(given) ? given.value : given;
  if (typeof value === 'string') {
    const forceChange = isObject(given) && given.forceChange === true;
    storePassword(context.store, `${context.location.key}/${created.id as string}`, value, forceChange);
  }
  return reply;
}

/** PUT clears what the request leaves out, except what PingOne manages itself. */
function replaceUser(context: BehaviourContext): Reply {
  const existing = requireItem(context);
  const requested = isObject(context.body) ? context.body : {};
  const kept: Resource = {};
  for (const field of [
    'enabled',
    'population',
    'lifecycle',
    'account',
    'identityProvider',
    'mfaEnabled',
    'verifyStatus',
  ]) {
    if (existing[field] !== undefined) kept[field] = existing[field];
  }
  assertPopulation(context, requestedPopulation(requested), 'population.id');
  return generic.replace(context, { ...kept, ...requested });
}

function updateUser(context: BehaviourContext): Reply {
  requireItem(context);
  const requested = isObject(context.body) ? context.body : {};
  assertPopulation(context, requestedPopulation(requested), 'population.id');
  return generic.update(context);
}

function setLocked(context: BehaviourContext, locked: boolean): Reply {
  const existing = requireItem(context);
  const updated: Resource = {
    ...existing,
    account: {
      ...(isObject(existing.account) ? existing.account : {}),
      canAuthenticate: !locked,
      status: locked ? 'LOCKED' : 'OK',
    },
    updatedAt: new Date().toISOString(),
  };
  if (!locked) {
    const secrets = context.store.privateData(context.location.key) as UserSecrets;
    secrets.failedChecks = 0;
    if (secrets.passwordStatus === 'LOCKED') secrets.passwordStatus = 'OK';
  }
  context.store.putItem(context.location.collectionKey ?? '', existing.id as string, updated);
  return { status: 200, body: updated };
}

function passwordState(context: BehaviourContext, status = 200): Reply {
  const target = userOf(context);
  const secrets = context.store.privateData(target.key) as UserSecrets;
  const body: Resource = {
    _links: {
      self: { href: context.location.href },
      user: { href: `${context.services.apiUrl}${target.key}` },
    },
    environment: { id: context.environmentId },
    user: { id: target.user.id },
    status: secrets.password === undefined ? 'NO_PASSWORD' : (secrets.passwordStatus ?? 'OK'),
  };
  if (secrets.passwordChangedAt) body.lastChangedAt = secrets.passwordChangedAt;
  return { status, body };
}

function setPassword(context: BehaviourContext): Reply {
  const target = userOf(context);
  const body = isObject(context.body) ? context.body : {};
  const value = body.value;
  if (typeof value !== 'string')
    throw invalidData([{ code: 'REQUIRED_VALUE', target: 'value', message: 'value is required.' }]);
  storePassword(context.store, target.key, value, body.forceChange === true);
  return passwordState(context);
}

function resetPassword(context: BehaviourContext): Reply {
  const target = userOf(context);
  const body = isObject(context.body) ? context.body : {};
  const secrets = context.store.privateData(target.key) as UserSecrets;
  if (typeof body.newPassword !== 'string') {
    throw invalidData([
      { code: 'REQUIRED_VALUE', target: 'newPassword', message: 'newPassword is required.' },
    ]);
  }
  if (typeof body.currentPassword === 'string' && body.currentPassword !== secrets.password) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'currentPassword', message: 'The current password is not correct.' },
    ]);
  }
  if (body.newPassword === secrets.password) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'newPassword',
        message: 'The new password must differ from the current one.',
      },
    ]);
  }
  storePassword(context.store, target.key, body.newPassword);
  return passwordState(context);
}

function checkPassword(context: BehaviourContext): Reply {
  const target = userOf(context);
  const secrets = context.store.privateData(target.key) as UserSecrets;
  const given = isObject(context.body) ? context.body.password : undefined;
  if (secrets.password === undefined) {
    throw invalidData([{ code: 'NO_PASSWORD', target: 'password', message: 'The user has no password.' }]);
  }
  if (secrets.passwordStatus === 'LOCKED') {
    throw invalidData([
      { code: 'ACCOUNT_NOT_USABLE', target: 'password', message: 'The account is locked.' },
    ]);
  }
  if (given !== secrets.password) {
    secrets.failedChecks = (secrets.failedChecks ?? 0) + 1;
    const remaining = Math.max(0, lockoutFailures - secrets.failedChecks);
    if (remaining === 0) {
      secrets.passwordStatus = 'LOCKED';
      lockAccount(context.store, target.key, target.user);
    }
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'password',
        message: 'The provided password did not match.',
        innerError: { failuresRemaining: remaining },
      },
    ]);
  }
  secrets.failedChecks = 0;
  return passwordState(context);
}

function forcePasswordChange(context: BehaviourContext): Reply {
  const target = userOf(context);
  const secrets = context.store.privateData(target.key) as UserSecrets;
  if (secrets.password === undefined) {
    throw invalidData([{ code: 'NO_PASSWORD', target: 'password', message: 'The user has no password.' }]);
  }
  secrets.passwordStatus = 'MUST_CHANGE_PASSWORD';
  return passwordState(context);
}

function sendRecoveryCode(context: BehaviourContext): Reply {
  const target = userOf(context);
  const secrets = context.store.privateData(target.key) as UserSecrets;
  // No mail leaves the emulator: the code goes to its outbox, and is kept so that `password.recover` can check it.
  secrets.recoveryCode = String(randomInt(100_000, 1_000_000));
  recordMessage(context.store, {
    environmentId: context.environmentId ?? '',
    userId: target.user.id as string,
    type: 'RECOVERY_CODE',
    code: secrets.recoveryCode,
  });
  return passwordState(context);
}

function recoverPassword(context: BehaviourContext): Reply {
  const target = userOf(context);
  const secrets = context.store.privateData(target.key) as UserSecrets;
  const body = isObject(context.body) ? context.body : {};
  if (secrets.recoveryCode === undefined || body.recoveryCode !== secrets.recoveryCode) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'recoveryCode', message: 'The recovery code is not valid.' },
    ]);
  }
  if (typeof body.newPassword !== 'string') {
    throw invalidData([
      { code: 'REQUIRED_VALUE', target: 'newPassword', message: 'newPassword is required.' },
    ]);
  }
  delete secrets.recoveryCode;
  storePassword(context.store, target.key, body.newPassword);
  return passwordState(context);
}

function unlockPassword(context: BehaviourContext): Reply {
  const target = userOf(context);
  const secrets = context.store.privateData(target.key) as UserSecrets;
  secrets.failedChecks = 0;
  if (secrets.passwordStatus === 'LOCKED') secrets.passwordStatus = 'OK';
  const account = isObject(target.user.account) ? target.user.account : {};
  context.store.putItem(target.collectionKey, target.user.id as string, {
    ...target.user,
    account: { ...account, canAuthenticate: true, status: 'OK' },
  });
  return passwordState(context);
}

function enabledState(context: BehaviourContext): Reply {
  const target = userOf(context);
  return {
    status: 200,
    body: {
      _links: {
        self: { href: context.location.href },
        user: { href: `${context.services.apiUrl}${target.key}` },
      },
      enabled: target.user.enabled !== false,
    },
  };
}

function setEnabled(context: BehaviourContext): Reply {
  const target = userOf(context);
  const enabled = isObject(context.body) ? context.body.enabled : undefined;
  if (typeof enabled !== 'boolean') {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'enabled', message: 'enabled must be true or false.' },
    ]);
  }
  context.store.putItem(target.collectionKey, target.user.id as string, {
    ...target.user,
    enabled,
    updatedAt: new Date().toISOString(),
  });
  return enabledState(context);
}

function readUserPopulation(context: BehaviourContext): Reply {
  const target = userOf(context);
  const populationId = requestedPopulation(target.user);
  const population = populationId
    ? context.store.getItem(`/environments/${context.environmentId}/populations`, populationId)
    : undefined;
  if (!population) throw notFound('The user has no population.');
  return { status: 200, body: population };
}

function moveUser(context: BehaviourContext): Reply {
  const target = userOf(context);
  const populationId =
    isObject(context.body) && typeof context.body.id === 'string' ? context.body.id : undefined;
  assertPopulation(context, populationId, 'id');
  if (populationId === undefined)
    throw invalidData([{ code: 'REQUIRED_VALUE', target: 'id', message: 'id is required.' }]);
  context.store.putItem(target.collectionKey, target.user.id as string, {
    ...target.user,
    population: { id: populationId },
    updatedAt: new Date().toISOString(),
  });
  return readUserPopulation(context);
}

/** The user a sub-resource URL (`/users/{userId}/password`) hangs from; the router checked it exists. */
function userOf(context: BehaviourContext): { user: Resource; key: string; collectionKey: string } {
  const [root, environmentId, collection, userId] = context.location.segments;
  const collectionKey = `/${root}/${environmentId}/${collection}`;
  const found = context.store.getItem(collectionKey, userId ?? '');
  if (!found) throw notFound(`Unable to find user with ID ${userId ?? ''}.`);
  return { user: found, key: `${collectionKey}/${userId}`, collectionKey };
}

function requestedPopulation(body: Record<string, unknown>): string | undefined {
  return isObject(body.population) && typeof body.population.id === 'string' ? body.population.id : undefined;
}

/** A user's population must exist in the same environment (400 INVALID_VALUE otherwise, as PingOne). */
function assertPopulation(context: BehaviourContext, populationId: string | undefined, target: string): void {
  if (populationId === undefined) return;
  if (!context.store.getItem(`/environments/${context.environmentId}/populations`, populationId)) {
    throw new ApiError(400, 'INVALID_DATA', 'The referenced population does not exist.', [
      {
        code: 'INVALID_VALUE',
        target,
        message: `No population with ID ${populationId} exists in this environment.`,
      },
    ]);
  }
}

function lockAccount(store: Store, userKey: string, target: Resource): void {
  const collectionKey = userKey.slice(0, userKey.lastIndexOf('/'));
  const account = isObject(target.account) ? target.account : {};
  store.putItem(collectionKey, target.id as string, {
    ...target,
    account: { ...account, canAuthenticate: false, status: 'LOCKED' },
  });
}
