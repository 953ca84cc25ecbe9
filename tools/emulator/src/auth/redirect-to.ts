import type { Reply } from '../http/reply.js';

/** A redirect to the application with the outcome in the query. */
export function redirectTo(uri: string, parameters: Record<string, string | undefined>): Reply {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(parameters))
    if (value !== undefined) url.searchParams.set(name, value);
  return { status: 302, headers: { Location: url.href, 'Cache-Control': 'no-store' } };
}
