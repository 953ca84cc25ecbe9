import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmulatorSession, startSession } from '../test-support/emulator-session.js';

/** A PingOne variable such as `${event.ip}`, written without a template-looking string literal. */
const v = (path: string) => `\${${path}}`;

describe('PingOne Protect behaviours', () => {
  let session: EmulatorSession;
  let predictors: string;
  let policySets: string;
  let evaluations: string;

  beforeAll(async () => {
    session = await startSession();
    predictors = `${session.environmentUrl}/riskPredictors`;
    policySets = `${session.environmentUrl}/riskPolicySets`;
    evaluations = `${session.environmentUrl}/riskEvaluations`;
  });
  afterAll(() => session.emulator.close());

  const evaluate = async (
    ip: string,
    userId: string,
    extra: Record<string, unknown> = {},
    riskPolicySet?: unknown,
  ) => {
    const answer = await session.call('POST', evaluations, {
      event: { ip, user: { id: userId, type: 'EXTERNAL' }, ...extra },
      ...(riskPolicySet ? { riskPolicySet } : {}),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  };
  const complete = (evaluation: { id: string }, completionStatus: string) =>
    session.call('PUT', `${evaluations}/${evaluation.id}/event`, { completionStatus });
  const predictorNamed = async (compactName: string) => {
    const listed = await session.call('GET', predictors);
    return listed.body._embedded.riskPredictors.find(
      (predictor: { compactName: string }) => predictor.compactName === compactName,
    );
  };

  it('gives every environment built-in predictors that cannot be deleted, and one default policy set', async () => {
    const listed = await session.call('GET', predictors);
    expect(listed.body._embedded.riskPredictors.map((p: { compactName: string }) => p.compactName)).toEqual([
      'anonymousNetwork',
      'ipRisk',
      'geoVelocity',
      'userLocationAnomaly',
      'newDevice',
    ]);
    const builtIn = listed.body._embedded.riskPredictors[0];
    expect(builtIn).toMatchObject({ deletable: false, licensed: true, type: 'ANONYMOUS_NETWORK' });
    const refused = await session.call('DELETE', builtIn._links.self.href);
    expect(refused.status).toBe(400);
    expect(refused.body.details[0]).toMatchObject({ code: 'CONSTRAINT_VIOLATION', target: 'deletable' });

    const sets = await session.call('GET', policySets);
    const defaults = sets.body._embedded.riskPolicySets.filter((set: { default: boolean }) => set.default);
    expect(defaults.map((set: { name: string }) => set.name)).toEqual(['Default Risk Policy']);
    const deleteDefault = await session.call('DELETE', defaults[0]._links.self.href);
    expect(deleteDefault.body.details[0]).toMatchObject({ code: 'CONSTRAINT_VIOLATION', target: 'default' });
  });

  it('judges a suspicious address HIGH and an ordinary one LOW under the default set', async () => {
    const suspicious = await evaluate('198.51.100.23', 'default-user');
    expect(suspicious.result).toEqual({ level: 'HIGH', type: 'VALUE' });
    expect(suspicious.riskPolicySet.name).toBe('Default Risk Policy');
    expect(suspicious.event.completionStatus).toBe('IN_PROGRESS');
    expect(suspicious.details).toMatchObject({
      anonymousNetworkDetected: true,
      ipAddressReputation: { level: 'HIGH', score: 80 },
      city: 'Frankfurt',
      anonymousNetwork: { level: 'HIGH', type: 'VALUE' },
      ipRisk: { level: 'HIGH' },
      geoVelocity: { level: 'LOW' },
    });
    // No user agent in the event: the new device predictor is not computed and has no fallback.
    expect(suspicious.details.newDevice).toBeUndefined();

    const ordinary = await evaluate('192.0.2.10', 'default-user');
    expect(ordinary.result.level).toBe('LOW');
    expect(ordinary.details).toMatchObject({
      anonymousNetworkDetected: false,
      ipAddressReputation: { score: 5 },
    });
    expect((await session.call('GET', `${evaluations}/${ordinary.id}`)).body.result.level).toBe('LOW');
  });

  it('records the completion status once and answers the event, linked to its evaluation', async () => {
    const evaluation = await evaluate('192.0.2.10', 'feedback-user');
    const reported = await complete(evaluation, 'SUCCESS');
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({
      completionStatus: 'SUCCESS',
      ip: '192.0.2.10',
      user: { id: 'feedback-user' },
    });
    expect(reported.body._links.riskEvaluation.href).toBe(`${evaluations}/${evaluation.id}`);
    expect(reported.body._links.self.href).toBe(`${evaluations}/${evaluation.id}/event`);
    expect((await session.call('GET', `${evaluations}/${evaluation.id}`)).body.event.completionStatus).toBe(
      'SUCCESS',
    );

    const again = await complete(evaluation, 'FAILED');
    expect(again.status).toBe(400);
    expect(again.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'completionStatus' });
    expect((await complete(evaluation, 'IN_PROGRESS')).status).toBe(400);
    expect((await complete({ id: '00000000-0000-4000-8000-000000000000' }, 'SUCCESS')).status).toBe(404);
  });

  it('takes the completion status only within 30 minutes of the evaluation', async () => {
    const evaluation = await evaluate('192.0.2.10', 'late-user');
    const created = Date.parse(evaluation.createdAt);
    // Only Date is faked: the emulator runs in this process, its sockets and timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(created + 30 * 60_000 + 1000);
      const late = await complete(evaluation, 'SUCCESS');
      expect(late.status).toBe(400);
      expect(late.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'completionStatus' });
      vi.setSystemTime(created + 29 * 60_000);
      expect((await complete(evaluation, 'SUCCESS')).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('learns from successful sign-ons only: impossible travel, unusual places and new devices', async () => {
    const firefox = { browser: { userAgent: 'Firefox' } };
    const failed = await evaluate('192.0.2.10', 'traveller', firefox);
    await complete(failed, 'FAILED');
    const unseen = await evaluate('203.0.113.5', 'traveller', { browser: { userAgent: 'Safari' } });
    expect(unseen.details).toMatchObject({ geoVelocity: { level: 'LOW' }, newDevice: { level: 'LOW' } });

    await complete(await evaluate('192.0.2.10', 'traveller', firefox), 'SUCCESS');
    const sydney = await evaluate('203.0.113.5', 'traveller', { browser: { userAgent: 'Safari' } });
    expect(sydney.details).toMatchObject({
      impossibleTravel: true,
      previousSuccessfulTransaction: { ip: '192.0.2.10', city: 'Denver' },
      geoVelocity: { level: 'HIGH' },
      userLocationAnomaly: { level: 'HIGH' },
      newDevice: { level: 'HIGH' },
    });
    const boulder = await evaluate('192.0.2.200', 'traveller', firefox);
    expect(boulder.details).toMatchObject({
      geoVelocity: { level: 'LOW' },
      userLocationAnomaly: { level: 'LOW' },
      newDevice: { level: 'LOW' },
    });
    // Another user has no history of their own.
    expect((await evaluate('203.0.113.5', 'stranger')).details.geoVelocity.level).toBe('LOW');
  });

  it('evaluates under a named set: custom predictor, override and the set’s own predictor list', async () => {
    const custom = await session.call('POST', predictors, {
      type: 'MAP',
      name: 'Account tier',
      compactName: 'accountTier',
      map: {
        high: { contains: v('event.account.tier'), list: ['trial'] },
        low: { contains: v('event.account.tier'), list: ['enterprise'] },
      },
      default: { weight: 5, result: { level: 'MEDIUM', type: 'VALUE' } },
    });
    expect(custom.status, JSON.stringify(custom.body)).toBe(201);
    expect(custom.body).toMatchObject({ deletable: true, licensed: true });
    const anonymous = await predictorNamed('anonymousNetwork');
    const created = await session.call('POST', policySets, {
      name: 'Tiered',
      evaluatedPredictors: [{ id: custom.body.id }, { id: anonymous.id }],
      riskPolicies: [
        {
          name: 'Office',
          result: { level: 'LOW', value: 'office' },
          condition: { type: 'IP_RANGE', ipRange: ['192.0.2.0/24'] },
        },
        {
          name: 'Trial accounts',
          result: { level: 'HIGH', value: 'trial' },
          condition: { type: 'VALUE_COMPARISON', value: v('details.accountTier.level'), equals: 'HIGH' },
        },
        {
          name: 'Scored',
          result: { level: 'MEDIUM' },
          condition: {
            type: 'AGGREGATED_SCORES',
            aggregatedScores: [
              { value: v('details.accountTier.level'), score: 60 },
              { value: v('details.anonymousNetwork.level'), score: 20 },
            ],
            between: { minScore: 30, maxScore: 1000 },
          },
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.default).toBe(false);
    expect(created.body.defaultResult).toEqual({ level: 'LOW', type: 'VALUE' });
    expect(created.body.riskPolicies.map((policy: { priority: number }) => policy.priority)).toEqual([
      1, 2, 3,
    ]);

    const byName = { name: 'Tiered' };
    const trial = await evaluate('100.64.0.1', 'tiered', { account: { tier: 'trial' } }, byName);
    expect(trial.result).toEqual({ level: 'HIGH', type: 'VALUE', value: 'trial' });
    expect(trial.riskPolicySet).toEqual({ id: created.body.id, name: 'Tiered' });
    // Only the set's two predictors run.
    expect(Object.keys(trial.details).filter((key) => key === 'ipRisk' || key === 'geoVelocity')).toEqual([]);
    const office = await evaluate(
      '192.0.2.9',
      'tiered',
      { account: { tier: 'trial' } },
      { id: created.body.id },
    );
    expect(office.result.value).toBe('office');
    // Unknown tier: the fallback MEDIUM scores 30, which is inside the scored range.
    const unknown = await evaluate('100.64.0.1', 'tiered', { account: { tier: 'gold' } }, byName);
    expect(unknown.details.accountTier).toMatchObject({ level: 'MEDIUM' });
    expect(unknown.result).toEqual({ level: 'MEDIUM', type: 'VALUE' });
    const enterprise = await evaluate('100.64.0.1', 'tiered', { account: { tier: 'enterprise' } }, byName);
    expect(enterprise.result).toEqual({ level: 'LOW', type: 'VALUE' });

    const inUse = await session.call('DELETE', custom.body._links.self.href);
    expect(inUse.body.details[0]).toMatchObject({ code: 'CONSTRAINT_VIOLATION' });
    expect((await session.call('DELETE', created.body._links.self.href)).status).toBe(204);
    expect((await session.call('DELETE', custom.body._links.self.href)).status).toBe(204);
  });

  it('moves the default flag to a new default set', async () => {
    const created = await session.call('POST', policySets, {
      name: 'Strict',
      default: true,
      riskPolicies: [],
    });
    expect(created.body.default).toBe(true);
    const listed = await session.call('GET', policySets);
    const defaults = listed.body._embedded.riskPolicySets.filter((set: { default: boolean }) => set.default);
    expect(defaults.map((set: { name: string }) => set.name)).toEqual(['Strict']);
    expect((await evaluate('198.51.100.23', 'strict-user')).riskPolicySet.name).toBe('Strict');
    const dropped = await session.call('PUT', created.body._links.self.href, {
      name: 'Strict',
      default: false,
    });
    expect(dropped.status).toBe(400);
    const kept = await session.call('PUT', created.body._links.self.href, { name: 'Strict' });
    expect(kept.body.default).toBe(true);
  });

  it('refuses bad policy sets, predictors and evaluations with the offending field', async () => {
    const badSet = await session.call('POST', policySets, {
      name: 'Broken',
      evaluatedPredictors: [{ id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(badSet.body.details[0]).toMatchObject({
      code: 'INVALID_VALUE',
      target: 'evaluatedPredictors[0].id',
    });
    const badRules = await session.call('POST', policySets, {
      name: 'Broken',
      riskPolicies: [
        {
          name: 'range',
          result: { level: 'LOW' },
          condition: { type: 'IP_RANGE', ipRange: ['300.1.1.1/8'] },
        },
        {
          name: 'weights',
          result: { level: 'HIGH' },
          condition: {
            type: 'AGGREGATED_WEIGHTS',
            aggregatedWeights: [{ value: v('details.aggregatedWeights.nothing'), weight: 5 }],
            between: { minScore: 80, maxScore: 20 },
          },
        },
      ],
    });
    expect(badRules.status).toBe(400);
    expect(badRules.body.details.map((detail: { target: string }) => detail.target)).toEqual([
      'riskPolicies[0].condition.ipRange[0]',
      'riskPolicies[1].condition.value',
      'riskPolicies[1].condition.between.minScore',
    ]);
    const untyped = await session.call('POST', policySets, {
      name: 'Untyped',
      riskPolicies: [{ name: 'x', result: { level: 'LOW' }, condition: { ipRange: ['10.0.0.0/8'] } }],
    });
    expect(untyped.status).toBe(400);

    const anonymous = await predictorNamed('anonymousNetwork');
    const { _links, id, environment, createdAt, updatedAt, deletable, licensed, ...writable } = anonymous;
    const renamed = await session.call('PUT', _links.self.href, { ...writable, compactName: 'renamed' });
    expect(renamed.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'compactName' });
    const tuned = await session.call('PUT', _links.self.href, {
      ...writable,
      whiteList: ['198.51.100.0/24'],
    });
    expect(tuned.body).toMatchObject({ deletable: false, whiteList: ['198.51.100.0/24'] });
    const badList = await session.call('PUT', _links.self.href, { ...writable, whiteList: ['nowhere'] });
    expect(badList.body.details[0]).toMatchObject({ target: 'whiteList[0]' });
    const duplicate = await session.call('POST', predictors, {
      type: 'BOT',
      name: 'Bots',
      compactName: 'ANONYMOUSNETWORK',
    });
    expect(duplicate.body.details[0]).toMatchObject({ code: 'UNIQUENESS_VIOLATION', target: 'compactName' });

    const unknownSet = await session.call('POST', evaluations, {
      event: { ip: '192.0.2.1', user: { id: 'ada', type: 'EXTERNAL' } },
      riskPolicySet: { name: 'Nowhere' },
    });
    expect(unknownSet.body.details[0]).toMatchObject({ code: 'INVALID_VALUE', target: 'riskPolicySet.name' });
    const noUser = await session.call('POST', evaluations, { event: { ip: '192.0.2.1' } });
    expect(noUser.status).toBe(400);
  });

  it('lets a white list silence a built-in predictor', async () => {
    // The previous test white-listed 198.51.100.0/24 on anonymousNetwork.
    const evaluation = await evaluate('198.51.100.23', 'white-listed');
    expect(evaluation.details.anonymousNetwork.level).toBe('LOW');
    expect(evaluation.details.ipRisk.level).toBe('HIGH');
  });
});
