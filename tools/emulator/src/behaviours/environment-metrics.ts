import { randomUUID } from 'node:crypto';
import { isObject } from '@pingone-sdk/openapi';
import { compileFilter } from '../filter/compile-filter.js';
import { FilterError, type FilterExpression } from '../filter/filter-expression.js';
import { parseFilter } from '../filter/parse-filter.js';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { Resource } from '../state/store.js';
import { activeIdentityPeriods, type PeriodUnit } from './active-identity-periods.js';
import type { BehaviourContext, BehaviourFamily } from './behaviour.js';
import { generic, newResource } from './generic.js';

/**
 * Figures and read-only views of an environment: DaVinci flow policies (the emulator has one, as a
 * DaVinci-enabled environment would), identity counts computed from the directory, and snapshots
 * that capture a stored configuration resource as JSON.
 */
export const environmentMetricsBehaviours: BehaviourFamily = {
  listFlowPolicies: (context) => withFlowPolicy(context, generic.list),
  getFlowPolicy: (context) => withFlowPolicy(context, generic.read),
  listTotalIdentities: totalIdentities,
  listActiveIdentityCounts: (context) => activeIdentityCounts(context, 'samplingPeriod'),
  listActiveIdentityCountsByDateRange: (context) => activeIdentityCounts(context),
  createSnapshot: createSnapshot,
};

function withFlowPolicy(context: BehaviourContext, next: (context: BehaviourContext) => Reply): Reply {
  const key = `/environments/${context.environmentId ?? ''}/flowPolicies`;
  if (context.store.items(key).size === 0) {
    const id = randomUUID().replace(/-/g, '');
    const body = {
      name: 'Sign on',
      enabled: true,
      application: { id: randomUUID().replace(/-/g, ''), name: 'PingOne SSO' },
      trigger: { type: 'AUTHENTICATION' },
    };
    context.store.putItem(
      key,
      id,
      newResource(context.services.apiUrl, context.environmentId, key, id, body),
    );
  }
  return next(context);
}

function users(context: BehaviourContext): Resource[] {
  return [...context.store.items(`/environments/${context.environmentId ?? ''}/users`).values()];
}

/** Today's total is the directory's size; the emulator keeps no history, so earlier days are absent. */
function totalIdentities(context: BehaviourContext): Reply {
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const total = users(context).length;
  return collection(
    context,
    'totalIdentities',
    [{ date: today.toISOString(), totalIdentities: total }],
    total,
  );
}

/**
 * PingOne needs `startDate ge "<date>"` in the filter; the period is `DAY` or `MONTH`, from the filter's
 * `samplingPeriod eq` or from the `samplePeriod` parameter.
 */
function activeIdentityCounts(context: BehaviourContext, periodInFilter?: 'samplingPeriod'): Reply {
  const filter = typeof context.query.filter === 'string' ? context.query.filter : '';
  const comparisons = comparisonsOf(filter);
  const start = comparisons.find((node) => node.attribute === 'startDate' && node.operator === 'ge');
  if (!start || Number.isNaN(Date.parse(String(start.value)))) {
    throw invalidData([
      {
        code: 'INVALID_FILTER',
        target: 'filter',
        message: 'The filter needs startDate ge "<ISO 8601 date>".',
      },
    ]);
  }
  const requested = periodInFilter
    ? comparisons.find((node) => node.attribute === periodInFilter)?.value
    : context.query.samplePeriod;
  const unit: PeriodUnit = requested === 'DAY' ? 'DAY' : 'MONTH';
  const periods = activeIdentityPeriods(users(context), new Date(String(start.value)), new Date(), unit);
  if (context.query.order === '-startDate') periods.reverse();
  const limit = typeof context.query.limit === 'number' ? context.query.limit : 100;
  return collection(context, 'activeIdentityCounts', periods.slice(0, limit), periods.length);
}

type Comparison = Extract<FilterExpression, { type: 'comparison' }>;

function comparisonsOf(filter: string): Comparison[] {
  if (filter === '') return [];
  try {
    const expression = parseFilter(filter);
    // Checks the attributes and operators PingOne accepts before reading the comparisons.
    compileFilter(expression, { startDate: ['ge', 'eq'], samplingPeriod: ['eq'] }, []);
    const found: Comparison[] = [];
    const walk = (node: FilterExpression): void => {
      if (node.type === 'comparison') found.push(node);
      else if (node.type === 'and') {
        walk(node.left);
        walk(node.right);
      } else throw new FilterError('Only `and` joins these filters.');
    };
    walk(expression);
    return found;
  } catch (error) {
    if (error instanceof FilterError) {
      throw invalidData([{ code: 'INVALID_FILTER', target: 'filter', message: error.message }]);
    }
    throw error;
  }
}

function collection(context: BehaviourContext, name: string, items: Resource[], count: number): Reply {
  return {
    status: 200,
    body: {
      _links: { self: { href: context.requestUrl } },
      _embedded: { [name]: items },
      count,
      size: items.length,
    },
  };
}

/**
 * Captures the stored resource at `baseResourceURL` (below the environment) as the snapshot's first
 * version; a URL that names nothing is 400, as PingOne cannot capture it either.
 */
function createSnapshot(context: BehaviourContext): Reply {
  const url = isObject(context.body) ? String(context.body.baseResourceURL) : '';
  const environmentKey = `/environments/${context.environmentId ?? ''}`;
  const segments = url.replace(/^\/+|\/+$/g, '').split('/');
  const itemId = segments.pop() ?? '';
  const captured = context.store.getItem(`${environmentKey}/${segments.join('/')}`, itemId);
  if (!captured) {
    throw invalidData([
      { code: 'INVALID_VALUE', target: 'baseResourceURL', message: `Nothing to capture at ${url}.` },
    ]);
  }
  const now = new Date().toISOString();
  const { _links, ...configuration } = captured;
  const capture = {
    resourceUrl: url,
    resource: {
      id: itemId,
      name: typeof captured.name === 'string' ? captured.name : undefined,
      category: segments[0],
    },
    status: 'COMPLETE',
    configuration: JSON.stringify(configuration),
    startedAt: now,
    completedAt: now,
    versionedAt: now,
  };
  const reply = generic.create(context, capture);
  const snapshotId = (reply.body as Resource).id as string;
  const versionsKey = `${environmentKey}/snapshots/${snapshotId}/versions`;
  const versionId = randomUUID();
  context.store.putItem(
    versionsKey,
    versionId,
    newResource(context.services.apiUrl, context.environmentId, versionsKey, versionId, {
      ...capture,
      snapshotId,
    }),
  );
  return reply;
}
