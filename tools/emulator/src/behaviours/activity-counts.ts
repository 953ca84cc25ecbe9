import { FilterError, type FilterExpression } from '../filter/filter-expression.js';
import { parseFilter } from '../filter/parse-filter.js';
import { invalidData } from '../http/api-error.js';
import type { Reply } from '../http/reply.js';
import type { BehaviourContext } from './behaviour.js';

const hour = 3_600_000;
const day = 24 * hour;

/** Action types of the audit trail that count as password resets. */
const passwordResetTypes = new Set(['PASSWORD.RESET', 'PASSWORD.RECOVER']);

/**
 * `GET /userActivities`: counts per sample period over `startDate eq … and endDate eq …` (the last
 * 30 days without a filter), hourly up to two days, daily up to 90, weekly beyond. Password resets
 * come from the audit trail; sign-ons stay 0 because the emulator's auth host records none.
 */
export function listUserActivities(context: BehaviourContext): Reply {
  const bounds = comparisons(context, ['startDate', 'endDate'], 'eq');
  const end = bounds.get('enddate') ?? Date.now();
  const start = bounds.get('startdate') ?? end - 30 * day;
  if (bounds.size === 1 || start >= end) {
    throw filterError('Give both startDate and endDate, with startDate before endDate.');
  }
  const span = end - start;
  const period = span <= 2 * day ? hour : span <= 90 * day ? day : 7 * day;
  const resets: number[] = [];
  for (const activity of context.store
    .items(`/environments/${context.environmentId ?? ''}/activities`)
    .values()) {
    const type = (activity.action as { type?: unknown } | undefined)?.type;
    if (typeof type === 'string' && passwordResetTypes.has(type))
      resets.push(Date.parse(activity.recordedAt as string));
  }
  const periods = [];
  for (let from = start; from < end; from += period) {
    const to = Math.min(from + period, end);
    periods.push({
      startDate: new Date(from).toISOString(),
      endDate: new Date(to).toISOString(),
      environment: { id: context.environmentId },
      totalActiveUsers: 0,
      userSignOns: { successes: 0, failures: 0 },
      passwordResets: resets.filter((time) => time >= from && time < to).length,
    });
  }
  return collection(context, 'userActivities', periods);
}

/**
 * `GET /applicationSignons`: every application of the environment with `samplePeriodCount` periods of
 * `samplePeriod` hours from `occurredAt ge …`. Counts are 0: the emulator records no sign-ons yet.
 */
export function listApplicationSignOns(context: BehaviourContext): Reply {
  const samplePeriod = typeof context.query.samplePeriod === 'number' ? context.query.samplePeriod : 24;
  const samplePeriodCount =
    typeof context.query.samplePeriodCount === 'number' ? context.query.samplePeriodCount : 1;
  const limit = typeof context.query.limit === 'number' ? context.query.limit : 100;
  if (samplePeriod * samplePeriodCount * limit > 100_000) {
    throw invalidData([
      {
        code: 'INVALID_VALUE',
        target: 'samplePeriod',
        message: 'samplePeriod × samplePeriodCount × limit may not exceed 100,000.',
      },
    ]);
  }
  const period = samplePeriod * hour;
  const start =
    comparisons(context, ['occurredAt'], 'ge').get('occurredat') ?? Date.now() - period * samplePeriodCount;
  const now = Date.now();
  const authentications = Array.from({ length: samplePeriodCount }, (_, index) => {
    const from = start + index * period;
    return {
      startDate: new Date(from).toISOString(),
      endDate: new Date(from + period).toISOString(),
      signons: 0,
      ...(from + period > now ? { partial: true } : {}),
    };
  });
  const applications = [
    ...context.store.items(`/environments/${context.environmentId ?? ''}/applications`).keys(),
  ];
  const items = applications.slice(0, limit).map((id) => ({ id, authentications }));
  return collection(context, 'applicationSignons', items);
}

/** The instants a filter gives, by lower-cased attribute; only `attributes` with `operator`, joined by `and`. */
function comparisons(
  context: BehaviourContext,
  attributes: readonly string[],
  operator: string,
): Map<string, number> {
  const found = new Map<string, number>();
  if (typeof context.query.filter !== 'string') return found;
  const allowed = new Set(attributes.map((attribute) => attribute.toLowerCase()));
  const visit = (node: FilterExpression): void => {
    if (node.type !== 'comparison') {
      if (node.type === 'or') throw filterError('Only "and" may join the filter\'s comparisons.');
      visit(node.left);
      visit(node.right);
      return;
    }
    const attribute = node.attribute.toLowerCase();
    const time = typeof node.value === 'string' ? Date.parse(node.value) : Number.NaN;
    if (!allowed.has(attribute) || node.operator !== operator || Number.isNaN(time)) {
      throw filterError(
        `Only ${attributes.map((name) => `${name} ${operator} "<ISO 8601 timestamp>"`).join(' and ')} is supported.`,
      );
    }
    found.set(attribute, time);
  };
  try {
    visit(parseFilter(context.query.filter));
  } catch (error) {
    if (error instanceof FilterError) throw filterError(error.message);
    throw error;
  }
  return found;
}

function filterError(message: string) {
  return invalidData([{ code: 'INVALID_FILTER', target: 'filter', message }]);
}

function collection(context: BehaviourContext, name: string, items: unknown[]): Reply {
  return {
    status: context.operation.successStatus,
    body: {
      _links: { self: { href: context.requestUrl } },
      _embedded: { [name]: items },
      count: items.length,
      size: items.length,
    },
  };
}
