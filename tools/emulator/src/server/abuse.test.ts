import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

/**
 * The emulator under abuse: malformed and oversized bodies, unknown media types and methods, slowloris
 * clients and thousands of idle connections. Each gets a 4xx in PingOne's error shape or a closed
 * connection, and a normal request keeps being answered promptly meanwhile.
 */

const limits = { headersTimeoutMs: 500, requestTimeoutMs: 2000, idleTimeoutMs: 1500 };
let session: EmulatorSession;
let port: number;
let usersUrl: string;

beforeAll(async () => {
  session = await startSession({ limits });
  port = Number(new URL(session.emulator.apiUrl).port);
  usersUrl = `${session.environmentUrl}/users`;
});
afterAll(() => session.emulator.close());

/** PingOne's error body: an id, a code and a message. */
function expectPingOneError(body: unknown, code: string) {
  expect(body).toMatchObject({ id: expect.any(String), code, message: expect.any(String) });
}

/** A normal call answers, and quickly. */
async function expectPrompt(limitMs = 2000) {
  const started = performance.now();
  const result = await session.call('GET', `${usersUrl}?limit=1`);
  expect(result.status).toBe(200);
  expect(performance.now() - started).toBeLessThan(limitMs);
}

/** Opens a raw connection; resolves once connected. */
function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server writes until it closes the connection, and when it closed it. */
function untilClosed(socket: Socket): Promise<{ text: string; closedAt: number }> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve({ text, closedAt: performance.now() }));
  });
}

function bodyOf(rawAnswer: string): unknown {
  return JSON.parse(rawAnswer.slice(rawAnswer.indexOf('\r\n\r\n') + 4));
}

const auth = () => `Authorization: Bearer ${session.token}\r\n`;

describe('the emulator under abuse', () => {
  it('answers malformed JSON with 400 INVALID_DATA', async () => {
    const result = await session.call('POST', usersUrl, '{"username": "ada", ');
    expect(result.status).toBe(400);
    expectPingOneError(result.body, 'INVALID_DATA');
    expect(result.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'body' });
  });

  it('answers an unknown content type with 415', async () => {
    const result = await session.call('POST', usersUrl, '<user/>', { 'content-type': 'application/xml' });
    expect(result.status).toBe(415);
    expectPingOneError(result.body, 'INVALID_REQUEST');
  });

  it('answers a method the resource lacks with 405 and its Allow header', async () => {
    for (const method of ['PUT', 'PROPFIND']) {
      const result = await session.call(method, usersUrl);
      expect(result.status).toBe(405);
      expect(result.headers.get('allow')).toBe('GET, POST');
      expectPingOneError(result.body, 'INVALID_REQUEST');
    }
  });

  it('answers a method HTTP does not know with 400 in PingOne’s shape, and closes', async () => {
    const socket = await open();
    const closed = untilClosed(socket);
    socket.write(`BREW /v1/environments HTTP/1.1\r\nHost: x\r\n${auth()}\r\n`);
    const { text } = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expectPingOneError(bodyOf(text), 'INVALID_REQUEST');
    await expectPrompt();
  });

  it('refuses a body declared past its limit with 413 at once, without reading it', async () => {
    const socket = await open();
    const closed = untilClosed(socket);
    socket.write(
      `POST /v1/environments/${session.emulator.environmentId}/users HTTP/1.1\r\nHost: x\r\n${auth()}` +
        `Content-Type: application/json\r\nContent-Length: ${1024 ** 3}\r\n\r\n{"username":`,
    );
    const { text } = await closed;
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expectPingOneError(bodyOf(text), 'INVALID_REQUEST');
    await expectPrompt();
  });

  it('cuts off a chunked body that grows past the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let sent = 0;
    const answer = await fetch(usersUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: new ReadableStream({
        // 12 MB in all, past the 8 MB limit.
        pull(controller) {
          if (sent++ < 12) controller.enqueue(chunk);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit).then(
      async (response) => ({ status: response.status, body: await response.json() }),
      () => 'connection closed',
    );
    if (typeof answer !== 'string') {
      expect(answer.status).toBe(413);
      expectPingOneError(answer.body, 'INVALID_REQUEST');
    }
    await expectPrompt();
  });

  it('closes a slowloris connection at the headers timeout, answering everyone else meanwhile', async () => {
    const socket = await open();
    const closed = untilClosed(socket);
    const started = performance.now();
    const request = `GET /v1/environments/${session.emulator.environmentId}/users HTTP/1.1\r\nHost: x\r\n${auth()}`;
    let index = 0;
    const drip = setInterval(() => {
      if (socket.writable && index < request.length) socket.write(request[index++] ?? '');
    }, 50);
    try {
      await expectPrompt();
      await expectPrompt();
      const { text, closedAt } = await closed;
      expect(closedAt - started).toBeLessThan(limits.headersTimeoutMs + 1500);
      if (text) expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(index).toBeLessThan(request.length);
    } finally {
      clearInterval(drip);
    }
  });

  it('holds 2,000 idle connections, answers everyone else, and closes the idle ones', async () => {
    // Opened in batches: a burst of 2,000 connects overflows the kernel's accept queue, and a connection
    // whose final ACK it dropped looks open to the client while the server never saw it.
    const closes: Promise<{ text: string; closedAt: number }>[] = [];
    for (let batch = 0; batch < 8; batch++) {
      const opened = Array.from({ length: 250 }, async () => {
        const socket = connect(port, '127.0.0.1');
        const closed = untilClosed(socket);
        await Promise.race([new Promise((resolve) => socket.once('connect', resolve)), closed]);
        // Wrapped, so that waiting for the batch to connect does not also wait for it to close.
        return { closed };
      });
      for (const { closed } of await Promise.all(opened)) closes.push(closed);
    }
    const started = performance.now();
    await expectPrompt(2000);
    const closedAt = await Promise.all(closes);
    expect(Math.max(...closedAt.map(({ closedAt: at }) => at)) - started).toBeLessThan(
      limits.idleTimeoutMs + 3000,
    );
    // Closed silently, or with a 408 in PingOne's shape when Node's header timer saw them first.
    for (const { text } of closedAt) {
      if (text !== '') {
        expect(text).toMatch(/^HTTP\/1\.1 408 /);
        expectPingOneError(bodyOf(text), 'REQUEST_TIMEOUT');
      }
    }
    await expectPrompt();
    // Opening 2,000 sockets alone takes seconds on a busy 2-core machine; the bounds above are the test.
  }, 60_000);
});

describe('the emulator’s connection limit', () => {
  it('closes connections past maxConnections as they arrive, and recovers when they go', async () => {
    const small = await startSession({ limits: { maxConnections: 20, idleTimeoutMs: 60_000 } });
    try {
      const smallPort = Number(new URL(small.emulator.apiUrl).port);
      const held = Array.from({ length: 30 }, () => connect(smallPort, '127.0.0.1'));
      let refused = 0;
      for (const socket of held) {
        socket.on('error', () => {});
        socket.on('close', () => refused++);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Twenty at most are held open (the session's own pooled connection may be one of them).
      expect(refused).toBeGreaterThanOrEqual(10);
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await small.call('GET', `${small.environmentUrl}/users?limit=1`)).status).toBe(200);
    } finally {
      await small.emulator.close();
    }
  });
});
