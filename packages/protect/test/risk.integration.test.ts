import { BadRequestError, InvalidArgumentError, NotFoundError, paginate } from '@pingone-sdk/core';
import { type EmulatorSession, startEmulatorSession } from '@pingone-sdk/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRiskEvaluation,
  createRiskPolicySet,
  createRiskPredictor,
  deleteRiskPolicySet,
  deleteRiskPredictor,
  getRiskEvaluation,
  getRiskPolicySet,
  getRiskPredictor,
  listRiskPolicySets,
  listRiskPredictors,
  predictorOutcome,
  type RiskPredictor,
  replaceRiskPolicySet,
  replaceRiskPredictor,
  setRiskEvaluationCompletionStatus,
} from '../src/index.js';

/** A PingOne variable such as `${event.ip}`, written without a template-looking string literal. */
const variable = (path: string) => `\${${path}}`;
const user = (id: string) => ({ id, type: 'EXTERNAL' as const });

describe('PingOne Protect against the emulator', () => {
  let session: EmulatorSession;
  // Starting an emulator compiles every spec: slow on a busy two-core machine.
  beforeAll(async () => {
    session = await startEmulatorSession();
  }, 60_000);
  afterAll(() => session.close());

  const predictors = async () => {
    const all: RiskPredictor[] = [];
    for await (const predictor of paginate(listRiskPredictors, { client: session.client }))
      all.push(predictor);
    return all;
  };

  it('lists the built-in predictors as a union narrowed by type', async () => {
    const all = await predictors();
    expect(all.map((predictor) => predictor.type)).toEqual([
      'ANONYMOUS_NETWORK',
      'IP_REPUTATION',
      'GEO_VELOCITY',
      'USER_LOCATION_ANOMALY',
      'DEVICE',
    ]);
    const location = all.find((predictor) => predictor.type === 'USER_LOCATION_ANOMALY');
    // Narrowed: `radius` exists only on the user location anomaly kind.
    expect(location?.type === 'USER_LOCATION_ANOMALY' && location.radius).toEqual({
      distance: 100,
      unit: 'miles',
    });
    expect(all.every((predictor) => predictor.deletable === false)).toBe(true);
    const builtIn = all[0]?.id ?? '';
    const refused = await deleteRiskPredictor({
      client: session.client,
      path: { riskPredictorId: builtIn },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused).toMatchObject({
      code: 'INVALID_DATA',
      details: [{ code: 'CONSTRAINT_VIOLATION', target: 'deletable' }],
    });
  });

  it('creates, reads, replaces and deletes a custom predictor', async () => {
    const client = session.client;
    const { data: created } = await createRiskPredictor({
      client,
      body: {
        type: 'MAP',
        name: 'Account tier',
        compactName: 'accountTier',
        map: { high: { contains: variable('event.account.tier'), list: ['trial'] } },
        default: { weight: 5 },
      },
    });
    expect(created).toMatchObject({ type: 'MAP', deletable: true, licensed: true });
    const riskPredictorId = created.id;
    expect((await getRiskPredictor({ client, path: { riskPredictorId } })).data).toEqual(created);

    const { data: replaced } = await replaceRiskPredictor({
      client,
      path: { riskPredictorId },
      body: {
        type: 'MAP',
        name: 'Account tier',
        compactName: 'accountTier',
        map: {
          high: { contains: variable('event.account.tier'), list: ['trial', 'free'] },
          low: { contains: variable('event.account.tier'), list: ['enterprise'] },
        },
        default: { weight: 5, result: { level: 'MEDIUM', type: 'VALUE' } },
      },
    });
    expect(replaced.type === 'MAP' && replaced.map.low).toEqual({
      contains: variable('event.account.tier'),
      list: ['enterprise'],
    });
    expect((await predictors()).map((predictor) => predictor.compactName)).toContain('accountTier');

    await deleteRiskPredictor({ client, path: { riskPredictorId } });
    await expect(getRiskPredictor({ client, path: { riskPredictorId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('creates, reads, lists, replaces and deletes a policy set, and keeps one default', async () => {
    const client = session.client;
    const { data: created } = await createRiskPolicySet({
      client,
      body: {
        name: 'Partners',
        riskPolicies: [
          {
            name: 'Partner network',
            result: { level: 'LOW' },
            condition: { type: 'IP_RANGE', contains: variable('event.ip'), ipRange: ['192.0.2.0/24'] },
          },
        ],
      },
    });
    expect(created).toMatchObject({ default: false, defaultResult: { level: 'LOW', type: 'VALUE' } });
    expect(created.riskPolicies?.[0]).toMatchObject({ priority: 1, condition: { type: 'IP_RANGE' } });
    const riskPolicySetId = created.id;
    expect((await getRiskPolicySet({ client, path: { riskPolicySetId } })).data).toEqual(created);

    const { data: promoted } = await replaceRiskPolicySet({
      client,
      path: { riskPolicySetId },
      body: { name: 'Partners', default: true, riskPolicies: created.riskPolicies },
    });
    expect(promoted.default).toBe(true);
    const { data: page } = await listRiskPolicySets({ client });
    expect(page._embedded.riskPolicySets.filter((set) => set.default).map((set) => set.name)).toEqual([
      'Partners',
    ]);
    await expect(deleteRiskPolicySet({ client, path: { riskPolicySetId } })).rejects.toMatchObject({
      status: 400,
      details: [{ code: 'CONSTRAINT_VIOLATION', target: 'default' }],
    });

    const original = page._embedded.riskPolicySets.find((set) => set.name === 'Default Risk Policy');
    await replaceRiskPolicySet({
      client,
      path: { riskPolicySetId: original?.id ?? '' },
      body: { name: 'Default Risk Policy', default: true, riskPolicies: original?.riskPolicies },
    });
    await deleteRiskPolicySet({ client, path: { riskPolicySetId } });
    await expect(getRiskPolicySet({ client, path: { riskPolicySetId } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('evaluates events under the default set and records how each flow ended', async () => {
    const client = session.client;
    const { data: suspicious } = await createRiskEvaluation({
      client,
      body: { event: { ip: '198.51.100.23', user: user('ada'), flow: { type: 'AUTHENTICATION' } } },
    });
    const { data: ordinary } = await createRiskEvaluation({
      client,
      body: { event: { ip: '192.0.2.10', user: user('ada') } },
    });
    expect([suspicious.result?.level, ordinary.result?.level]).toEqual(['HIGH', 'LOW']);
    expect(suspicious.riskPolicySet?.name).toBe('Default Risk Policy');
    expect(suspicious.details).toMatchObject({
      anonymousNetworkDetected: true,
      ipAddressReputation: { score: 80 },
    });
    expect(predictorOutcome(suspicious, 'anonymousNetwork')?.level).toBe('HIGH');
    expect(predictorOutcome(ordinary, 'anonymousNetwork')?.level).toBe('LOW');
    // No user agent in the event: the new device predictor is not computed and has no fallback.
    expect(predictorOutcome(ordinary, 'newDevice')).toBeUndefined();

    const { data: failed } = await setRiskEvaluationCompletionStatus({
      client,
      path: { riskEvaluationId: suspicious.id },
      body: { completionStatus: 'FAILED' },
    });
    // PingOne answers the event, with a link back to its evaluation.
    expect(failed).toMatchObject({ completionStatus: 'FAILED', ip: '198.51.100.23' });
    expect(failed._links?.riskEvaluation?.href).toMatch(new RegExp(`/riskEvaluations/${suspicious.id}$`));
    await setRiskEvaluationCompletionStatus({
      client,
      path: { riskEvaluationId: ordinary.id },
      body: { completionStatus: 'SUCCESS' },
    });
    const { data: read } = await getRiskEvaluation({ client, path: { riskEvaluationId: ordinary.id } });
    expect(read.event.completionStatus).toBe('SUCCESS');

    // The success in Denver is now history: Sydney minutes later is impossible travel.
    const { data: sydney } = await createRiskEvaluation({
      client,
      body: { event: { ip: '203.0.113.5', user: user('ada') } },
    });
    expect(sydney.details?.impossibleTravel).toBe(true);
    expect(predictorOutcome(sydney, 'geoVelocity')?.level).toBe('HIGH');

    const again = await setRiskEvaluationCompletionStatus({
      client,
      path: { riskEvaluationId: ordinary.id },
      body: { completionStatus: 'FAILED' },
    }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(BadRequestError);
    expect(again).toMatchObject({ details: [{ code: 'INVALID_VALUE', target: 'completionStatus' }] });
  });

  it('answers typed errors: 404 for an unknown evaluation, 400 INVALID_DATA with details for bad bodies', async () => {
    const client = session.client;
    await expect(
      getRiskEvaluation({ client, path: { riskEvaluationId: '00000000-0000-4000-8000-000000000000' } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const unknownSet = await createRiskEvaluation({
      client,
      body: { event: { ip: '192.0.2.1', user: user('ada') }, riskPolicySet: { name: 'Nowhere' } },
    }).catch((error: unknown) => error);
    expect(unknownSet).toMatchObject({
      status: 400,
      code: 'INVALID_DATA',
      details: [{ code: 'INVALID_VALUE', target: 'riskPolicySet.name' }],
    });
    const badWeights = await createRiskPolicySet({
      client,
      body: {
        name: 'Broken',
        riskPolicies: [
          {
            name: 'Weights',
            result: { level: 'HIGH' },
            condition: {
              type: 'AGGREGATED_WEIGHTS',
              aggregatedWeights: [{ value: variable('details.aggregatedWeights.missing'), weight: 5 }],
              between: { minScore: 50, maxScore: 100 },
            },
          },
        ],
      },
    }).catch((error: unknown) => error);
    expect(badWeights).toBeInstanceOf(BadRequestError);
    expect(badWeights).toMatchObject({ details: [{ target: 'riskPolicies[0].condition.value' }] });
  });

  it('refuses a blank id before sending anything', async () => {
    const before = session.sent.length;
    const refused = await getRiskEvaluation({
      client: session.client,
      path: { riskEvaluationId: ' ' },
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidArgumentError);
    expect(refused).toMatchObject({ parameter: 'path.riskEvaluationId' });
    expect(session.sent.length).toBe(before);
  });
});
