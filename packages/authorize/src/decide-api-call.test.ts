import { createClient, InvalidArgumentError } from '@pingone-sdk/core';
import { describe, expect, it } from 'vitest';
import { decideApiCall } from './decide-api-call.js';

const environmentId = '5caa81af-ec05-41ff-a709-c7378007a99c';
const decisionEndpointId = '4f6a8c0e-2b4d-4e6f-8a0c-2e4f6a8c0e2b';

/** A client whose fetch records each request and answers one PERMIT decision. */
function recordingClient() {
  const sent: Request[] = [];
  const client = createClient({
    baseUrl: 'https://api.pingone.eu/v1',
    environmentId,
    token: 'token',
    retry: false,
    fetch: async (input, init) => {
      sent.push(new Request(input, init));
      return Response.json({ id: 'decision', decision: 'PERMIT', status: { code: 'OKAY' } });
    },
  });
  return { client, sent };
}

describe('decideApiCall', () => {
  it('posts the method in upper case, the URL, the scopes and the user to the decision endpoint', async () => {
    const { client, sent } = recordingClient();
    const { data } = await decideApiCall({
      client,
      decisionEndpointId,
      method: 'patch',
      url: new URL('https://api.example.com/v1/invoices/42?expand=lines'),
      userId: 'user-1',
      scopes: ['invoices:write', 'openid'],
    });
    expect(data.decision).toBe('PERMIT');
    const [request] = sent;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(
      `https://api.pingone.eu/v1/environments/${environmentId}/decisionEndpoints/${decisionEndpointId}`,
    );
    expect(await request?.json()).toEqual({
      parameters: {
        method: 'PATCH',
        url: 'https://api.example.com/v1/invoices/42?expand=lines',
        scope: 'invoices:write openid',
      },
      userContext: { user: { id: 'user-1' } },
    });
  });

  it('leaves out the user and the scopes when none are given, and honours another environment', async () => {
    const { client, sent } = recordingClient();
    await decideApiCall({
      client,
      decisionEndpointId,
      method: 'GET',
      url: 'http://localhost:8080/health',
      environmentId: 'other',
      scopes: [],
    });
    expect(sent[0]?.url).toContain('/environments/other/decisionEndpoints/');
    expect(await sent[0]?.json()).toEqual({
      parameters: { method: 'GET', url: 'http://localhost:8080/health' },
    });
  });

  it.each([
    [{ method: 'FETCH' }, 'method'],
    [{ method: '' }, 'method'],
    [{ method: 7 as unknown as string }, 'method'],
    [{ url: 'api.example.com/v1' }, 'url'],
    [{ url: '/v1/invoices' }, 'url'],
    [{ url: 'ftp://api.example.com/v1' }, 'url'],
    [{ url: 'https://' }, 'url'],
    [{ userId: '' }, 'userId'],
    [{ decisionEndpointId: ' ' }, 'decisionEndpointId'],
  ])('refuses %o before sending, naming %s', async (override, parameter) => {
    const { client, sent } = recordingClient();
    const error = await decideApiCall({
      client,
      decisionEndpointId,
      method: 'GET',
      url: 'https://api.example.com/v1/invoices',
      ...override,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ parameter });
    expect(sent).toEqual([]);
  });
});
