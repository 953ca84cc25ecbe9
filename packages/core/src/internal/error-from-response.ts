import { errorClassFor, type PingOneError, type PingOneErrorDetail } from '../errors.js';
import { parseRetryAfter } from './retry-after.js';

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns a failed answer into the matching {@link PingOneError} subclass. Understands both PingOne's
 * management error body (`id`, `code`, `message`, `details`) and the auth server's OAuth body
 * (`error`, `error_description`), and never fails on a body that is neither. `bodyText` is the body when
 * the caller has read it already.
 */
export async function errorFromResponse(response: Response, bodyText?: string): Promise<PingOneError> {
  let body: Record<string, unknown> = {};
  try {
    const text = bodyText ?? (await response.text());
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    // A broken or non-JSON body still yields an error named by its status.
  }
  const error = asString(body.error);
  const errorDescription = asString(body.error_description);
  const details = Array.isArray(body.details) ? (body.details as PingOneErrorDetail[]) : undefined;
  const message =
    asString(body.message) ??
    errorDescription ??
    error ??
    `PingOne answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const ErrorClass = errorClassFor(response.status);
  return new ErrorClass({
    status: response.status,
    code: asString(body.code) ?? error,
    message,
    details,
    id: asString(body.id),
    correlationId: response.headers.get('correlation-id') ?? undefined,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
    error,
    errorDescription,
    response,
  });
}
