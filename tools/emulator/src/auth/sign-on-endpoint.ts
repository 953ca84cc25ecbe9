import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import {
  checkUsernamePassword,
  describeFlow,
  requireFlow,
  resumeWithCode,
  sessionCookie,
} from './sign-on-flow.js';

/**
 * The emulator's stand-in for PingOne's hosted sign-on page (it has no HTML): `GET
 * /{environmentId}/as/signon?flowId=…` shows the flow as JSON; `POST` the form `flowId`, `username`,
 * `password` to sign on, as the page's form would. A flow that completes redirects straight to the
 * application's `redirect_uri` with `code` and `state`; one that needs more (account verification)
 * answers the flow, to continue through the flows API. Wrong credentials answer 400 and leave the flow
 * waiting, so the user can try again.
 */
export function signOnEndpoint(context: AuthContext): Reply {
  const flowId = (context.method === 'POST' ? context.parameters : context.search).get('flowId') ?? '';
  const flow = requireFlow(context, flowId);
  if (context.method === 'GET') return { status: 200, body: describeFlow(context, flow) };
  checkUsernamePassword(context, flow, {
    username: context.parameters.get('username') ?? '',
    password: context.parameters.get('password') ?? '',
  });
  if (flow.status === 'COMPLETED') return resumeWithCode(context, flow);
  return { status: 200, body: describeFlow(context, flow), headers: sessionCookie(context, flow) };
}
