import {
  type Client,
  InvalidArgumentError,
  type RequestResult,
  type RequestSettings,
} from '@pingone-sdk/core';
import { optionalText, requireOneOf, requireText, requireUrl } from '@pingone-sdk/core/internal';
import { evaluateDecision } from './generated/sdk.gen.js';
import type { ApiServerOperationMethod, Decision } from './generated/types.gen.js';

const methods: readonly ApiServerOperationMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Options of {@link decideApiCall}. */
export interface DecideApiCallOptions extends RequestSettings {
  /**
   * The client to send with: the one made by `createManagementClient` (Authorize lives on the management host).
   * @example createManagementClient({ environmentId, token })
   */
  client: Client;
  /**
   * The decision endpoint to ask: any of the environment's, or the one an API server's deployment made
   * (`getApiServerDeployment(...).data.decisionEndpoint.id`).
   * @example '4f6a8c0e-2b4d-4e6f-8a0c-2e4f6a8c0e2b'
   */
  decisionEndpointId: string;
  /**
   * The HTTP method of the call being decided on, in any case.
   * @example 'GET'
   */
  method: string;
  /**
   * The absolute URL of the call being decided on, as the API server's base URLs spell it.
   * @example 'https://api.example.com/v1/invoices/42'
   */
  url: string | URL;
  /**
   * The PingOne user making the call; operations that require a permission or a group need one.
   * @default undefined (no user)
   * @example '0d3c1d49-8e6a-4b0e-9a55-5c1f8e4b9b70'
   */
  userId?: string;
  /**
   * The scopes of the caller's access token, for operations that require scopes.
   * @default [] (none)
   * @example ['invoices:read']
   */
  scopes?: readonly string[];
  /**
   * The environment of the decision endpoint.
   * @default the client's `environmentId`
   * @example '5caa81af-ec05-41ff-a709-c7378007a99c'
   */
  environmentId?: string;
  /**
   * Cancels the request.
   * @default undefined
   * @example AbortSignal.timeout(2_000)
   */
  signal?: AbortSignal;
}

/**
 * Asks a decision endpoint whether a user may make one call to an API: it sends the parameters
 * `method` (upper case) and `url`, the token's scopes as `scope` (space-separated), and the user as
 * `userContext.user.id`. The endpoint's policy must read its attributes under those names (the local
 * emulator's API server policy does). Resolves to the {@link Decision} (PERMIT, DENY, NOT_APPLICABLE
 * or INDETERMINATE); use {@link evaluateDecision} to send parameters named otherwise.
 *
 * @throws {InvalidArgumentError} before sending: `method` when it is not one of GET, POST, PUT, PATCH,
 * DELETE or OPTIONS; `url` when it is not an absolute http(s) URL; `userId` when it is blank;
 * `decisionEndpointId` when it is blank.
 * @throws {PingOneError} when PingOne refuses the request (for example `NotFoundError` for an unknown endpoint).
 * @example
 * const { data } = await decideApiCall({ client, decisionEndpointId, method: 'GET', url: 'https://api.example.com/v1/invoices/42', userId });
 * if (data.decision !== 'PERMIT') return new Response(null, { status: 403 });
 */
export async function decideApiCall(options: DecideApiCallOptions): Promise<RequestResult<Decision>> {
  const { client, decisionEndpointId, method, url, userId, scopes, environmentId, signal, ...settings } =
    options;
  const verb = requireOneOf(typeof method === 'string' ? method.toUpperCase() : method, methods, 'method');
  const text = requireUrl(url instanceof URL ? url.href : url, 'url');
  if (!/^https?:/i.test(text)) {
    throw new InvalidArgumentError('url', `an absolute http(s) URL, got ${JSON.stringify(text)}`);
  }
  optionalText(userId, 'userId');
  requireText(decisionEndpointId, 'decisionEndpointId');
  return evaluateDecision({
    ...settings,
    client,
    path: { decisionEndpointId, ...(environmentId === undefined ? {} : { environmentId }) },
    body: {
      parameters: { method: verb, url: text, ...(scopes?.length ? { scope: scopes.join(' ') } : {}) },
      ...(userId === undefined ? {} : { userContext: { user: { id: userId } } }),
    },
    signal,
  });
}
