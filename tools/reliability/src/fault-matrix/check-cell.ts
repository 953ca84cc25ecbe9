import { expect } from 'vitest';
import { leakedSecrets } from '../secret-scan.js';
import type { Cell } from './cells.js';
import { accessToken, clientSecret, userId } from './fault-server.js';
import type { Outcome } from './faults.js';
import type { MethodName } from './methods.js';
import { runCell } from './run-cell.js';

function expectData(outcome: Outcome, method: MethodName, data: unknown) {
  switch (outcome.kind) {
    case 'answer':
      if (method === 'DELETE') expect(data).toBeUndefined();
      else if (method === 'POST')
        expect(data).toMatchObject({ id: expect.any(String), username: expect.any(String) });
      else if (method === 'paginate') expect(data).toHaveLength(2);
      else expect(data).toMatchObject({ id: userId });
      return;
    case 'text':
      expect(typeof data).toBe('string');
      return;
    case 'nothing':
      expect(data).toBeUndefined();
      return;
    case 'first-page-only':
      expect(data).toEqual([expect.objectContaining({ id: 'first-page-user' })]);
      return;
    case 'other-host':
      expect(data).toMatchObject({ id: 'from-another-host' });
      return;
    case 'error':
      throw new Error(
        `resolved with ${JSON.stringify(data)?.slice(0, 200)} instead of rejecting with ${outcome.name}`,
      );
  }
}

/** Runs a cell and asserts everything it promises. */
export async function checkCell(cell: Cell): Promise<void> {
  const { expectation } = cell;
  const run = await runCell(cell);
  expect(run.hung, `no answer within ${expectation.maxMs + 1000} ms`).toBe(false);
  if (run.error === undefined) expectData(expectation.outcome, cell.method, run.data);
  else {
    const expected = expectation.outcome.kind === 'error' ? expectation.outcome.name : 'success';
    expect((run.error as Error).name, String(run.error)).toBe(expected);
    if (expectation.outcome.kind === 'error') {
      expect(run.error).toBeInstanceOf(Error);
      expect(run.error).toMatchObject(expectation.outcome.fields ?? {});
    }
  }
  const [least, most] =
    typeof expectation.requests === 'number'
      ? [expectation.requests, expectation.requests]
      : expectation.requests;
  expect(run.requests).toBeGreaterThanOrEqual(least);
  expect(run.requests).toBeLessThanOrEqual(most);
  expect(run.elapsedMs).toBeLessThanOrEqual(expectation.maxMs);
  if (expectation.minMs !== undefined) expect(run.elapsedMs).toBeGreaterThanOrEqual(expectation.minMs);
  expect(run.otherHost.sawCredentials, 'credentials reached another host').toBe(false);
  expect(leakedSecrets([clientSecret, accessToken], run.error, run.logLines)).toEqual([]);
}
