import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';
import { FaultInjector } from './fault-injector.js';

describe('faults', () => {
  let session: EmulatorSession;
  let users: string;
  let control: string;

  beforeAll(async () => {
    session = await startSession();
    users = `${session.environmentUrl}/users`;
    control = `${session.emulator.authUrl}/__emulator/faults`;
  });
  afterAll(() => session.emulator.close());

  it('adds latency', async () => {
    session.emulator.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await session.call('GET', users)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    session.emulator.setFaults();
  });

  it('answers a share of requests with 5xx statuses from the list', async () => {
    session.emulator.setFaults({ errorRate: 1, errorStatuses: [503] });
    const answer = await session.call('GET', users);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(answer.headers.get('correlation-id')).toBeTruthy();
    session.emulator.setFaults({ errorRate: 0.5, seed: 7 });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => session.call('GET', users).then((r) => r.status)),
    );
    const failed = statuses.filter((status) => status >= 500);
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(35);
    expect(failed.every((status) => [500, 502, 503].includes(status))).toBe(true);
    session.emulator.setFaults();
  });

  it('answers 429 REQUEST_LIMITED with Retry-After beyond the rate', async () => {
    session.emulator.setFaults({ rateLimit: { requestsPerSecond: 3 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => session.call('GET', users)));
    const limited = answers.filter((answer) => answer.status === 429);
    // The requests may straddle a one-second window, so at least 8 - 2 × 3 are refused.
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0]?.body).toMatchObject({
      code: 'REQUEST_LIMITED',
      details: [{ code: 'LIMIT_EXCEEDED' }],
    });
    expect(Number(limited[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    session.emulator.setFaults();
  });

  it('drops connections', async () => {
    session.emulator.setFaults({ dropRate: 1 });
    await expect(fetch(users, { headers: { authorization: `Bearer ${session.token}` } })).rejects.toThrow();
    session.emulator.setFaults();
    expect((await session.call('GET', users)).status).toBe(200);
  });

  it('carries a request out and then drops its answer', async () => {
    session.emulator.setFaults({ dropAnswerRate: 1 });
    const body = JSON.stringify({ username: 'dropped-answer', email: 'dropped@example.com' });
    await expect(
      fetch(users, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body,
      }),
    ).rejects.toThrow();
    session.emulator.setFaults();
    const found = await session.call(
      'GET',
      `${users}?filter=${encodeURIComponent('username eq "dropped-answer"')}`,
    );
    expect(found.body._embedded.users).toHaveLength(1);
  });

  it('cuts 200 bodies short so they do not parse', async () => {
    session.emulator.setFaults({ malformedRate: 1 });
    const response = await fetch(users, { headers: { authorization: `Bearer ${session.token}` } });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
    session.emulator.setFaults();
  });

  it('limits faults to one host with target', async () => {
    session.emulator.setFaults({ errorRate: 1, target: 'api' });
    expect((await session.call('GET', users)).status).toBeGreaterThanOrEqual(500);
    const jwks = await fetch(`${session.emulator.authUrl}/${session.emulator.environmentId}/as/jwks`);
    expect(jwks.status).toBe(200);
    session.emulator.setFaults();
  });

  it('is driven through the control endpoint, which faults never touch', async () => {
    const set = await fetch(control, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1, errorStatuses: [500] }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ errorRate: 1 });
    expect((await session.call('GET', users)).status).toBe(500);
    expect(await (await fetch(control)).json()).toMatchObject({ errorStatuses: [500] });
    const cleared = await fetch(control, { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect((await session.call('GET', users)).status).toBe(200);
  });

  it('makes the same decisions for the same seed', () => {
    const decisions = (seed: number) => {
      const injector = new FaultInjector({ errorRate: 0.3, dropRate: 0.1, seed });
      return Array.from({ length: 50 }, () => injector.decide('api')?.kind ?? 'none');
    };
    expect(decisions(42)).toEqual(decisions(42));
    expect(decisions(42)).not.toEqual(decisions(43));
  });
});
