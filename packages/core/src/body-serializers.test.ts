import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, sendJson, startLoopbackServer } from '../test/loopback-server.js';
import { formDataBodySerializer, urlSearchParamsBodySerializer } from './body-serializers.js';
import { createClient } from './client.js';

let server: LoopbackServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
  baseUrl = `${server.origin}/v1`;
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('body serialisers', () => {
  it('sends an object as a form, repeating arrays and skipping undefined and null', async () => {
    await createClient({ baseUrl }).post({
      url: '/form',
      body: { grant_type: 'x', scope: ['a', 'b'], skipped: undefined, none: null, n: 1 },
      ...urlSearchParamsBodySerializer,
    });
    const [request] = server.requests;
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(request?.body).toBe('grant_type=x&scope=a&scope=b&n=1');
  });

  it('sends an object as multipart, with Blobs as file parts', async () => {
    await createClient({ baseUrl }).post({
      url: '/upload',
      body: { name: 'logo', image: new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }) },
      ...formDataBodySerializer,
    });
    const [request] = server.requests;
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.body).toContain('name="name"');
    expect(request?.body).toContain('logo');
    expect(request?.body).toMatch(/name="image"; filename="blob"\r\nContent-Type: image\/png/);
  });
});
