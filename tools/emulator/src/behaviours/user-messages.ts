import type { Store } from '../state/store.js';

/** A message PingOne would have delivered to a user (email, SMS or voice call) carrying a one-time code. */
export interface SentMessage {
  environmentId: string;
  userId: string;
  /**
   * `VERIFICATION_CODE` (account verification), `RECOVERY_CODE` (password recovery) or
   * `DEVICE_ACTIVATION_CODE` (the passcode that activates an SMS, voice or email MFA device).
   */
  type: 'VERIFICATION_CODE' | 'RECOVERY_CODE' | 'DEVICE_ACTIVATION_CODE';
  /** The MFA device the code activates, for `DEVICE_ACTIVATION_CODE`. */
  deviceId?: string;
  /** The code the user would read in the message. */
  code: string;
  sentAt: string;
}

const outboxKey = '/__emulator/outbox';

/**
 * No mail or SMS leaves the emulator: what PingOne would have sent is kept in an outbox, newest
 * last, so that tests can read the code a user would have received (`emulator.sentMessages()`).
 */
export function recordMessage(store: Store, message: Omit<SentMessage, 'sentAt'>): void {
  outbox(store).push({ ...message, sentAt: new Date().toISOString() });
}

/** Every message "sent" so far, oldest first. */
export function sentMessages(store: Store): readonly SentMessage[] {
  return [...outbox(store)];
}

function outbox(store: Store): SentMessage[] {
  const data = store.privateData(outboxKey) as { messages?: SentMessage[] };
  data.messages ??= [];
  return data.messages;
}
