import type { Reply } from '../http/reply.js';

/** An OAuth 2.0 error answer (RFC 6749 §5.2): `{ error, error_description }`. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): Reply {
  return { status, body: { error, error_description: description }, ...(headers ? { headers } : {}) };
}
