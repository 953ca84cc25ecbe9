import { randomBytes } from 'node:crypto';

/**
 * Cursors are opaque to clients, as PingOne's are: base64url of `<offset>.<salt>`. The salt makes
 * two cursors for the same offset differ, so nobody is tempted to build one by hand.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${offset}.${randomBytes(6).toString('base64url')}`).toString('base64url');
}

/** The offset a cursor stands for, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): number | undefined {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{1,9})\.[\w-]+$/.exec(decoded);
  return match ? Number(match[1]) : undefined;
}
