import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import { oauthError } from './oauth-error.js';
import { requireFlow, resumeWithCode } from './sign-on-flow.js';

/** The `ST` value of a `Cookie` header. */
function sessionTokenOf(cookie: string | undefined): string | undefined {
  for (const part of (cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'ST') return value.join('=');
  }
  return undefined;
}

/**
 * `GET /{environmentId}/as/resume?flowId=…`: once the flow is `COMPLETED`, sends the browser back to
 * the application's `redirect_uri` with the authorization code. The browser must bring the `ST`
 * cookie the flow set, so that only the one who signed on can collect the code.
 */
export function resumeEndpoint(context: AuthContext): Reply {
  const flow = requireFlow(context, context.search.get('flowId') ?? '');
  if (flow.status !== 'COMPLETED') {
    return oauthError(
      400,
      'invalid_request',
      `The flow is ${flow.status}, not COMPLETED; it cannot resume yet.`,
    );
  }
  if (!flow.sessionToken || sessionTokenOf(context.headers.cookie) !== flow.sessionToken) {
    return oauthError(
      400,
      'invalid_request',
      'The session cookie (ST) of the completed flow is missing or wrong.',
    );
  }
  return resumeWithCode(context, flow);
}
