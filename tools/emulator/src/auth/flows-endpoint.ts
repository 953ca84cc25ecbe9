import { ApiError } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { AuthContext } from './auth-host.js';
import type { PendingAuthorization } from './flow-state.js';
import {
  checkUsernamePassword,
  describeFlow,
  requireFlow,
  resetFlow,
  sendFlowVerificationCode,
  sessionCookie,
  verifyFlowUser,
} from './sign-on-flow.js';

type FlowAction = (context: AuthContext, flow: PendingAuthorization) => void;

// Keyed in lower case: media types compare case-insensitively, and the listener lower-cases them.
const flowActions = new Map<string, FlowAction>(
  Object.entries({
    'usernamePassword.check': (context, flow) => checkUsernamePassword(context, flow, context.body),
    'user.verify': (context, flow) => verifyFlowUser(context, flow, context.body),
    'user.sendVerificationCode': sendFlowVerificationCode,
    'session.reset': (_context, flow) => resetFlow(flow),
  } satisfies Record<string, FlowAction>).map(([action, run]) => [
    `application/vnd.pingidentity.${action}+json`.toLowerCase(),
    run,
  ]),
);

/**
 * `GET|POST /{environmentId}/flows/{flowId}`, the flows API behind custom sign-on pages: `GET` reads the
 * flow, `POST` performs the action its `Content-Type` names (`usernamePassword.check`, `user.verify`,
 * `user.sendVerificationCode`, `session.reset`) and answers the flow in its next state. A flow that
 * completes sets the `ST` session cookie that `/as/resume` needs.
 */
export function flowsEndpoint(context: AuthContext): Reply {
  const flow = requireFlow(context, context.flowId ?? '');
  if (context.method === 'POST') {
    const action = flowActions.get(context.contentType);
    if (!action) {
      throw new ApiError(
        415,
        'INVALID_REQUEST',
        `The Content-Type ${context.contentType || '(none)'} names no flow action; use one of: ${[...flowActions.keys()].join(', ')}.`,
      );
    }
    action(context, flow);
  }
  return { status: 200, body: describeFlow(context, flow), headers: sessionCookie(context, flow) };
}
