import { isObject } from '@pingone-sdk/openapi';
import type { Store } from '../state/store.js';
import type { SuccessfulSignOn } from './protect-history-predictors.js';

/**
 * What history-based predictors compare an event with: the evaluations of the event's user (same
 * `event.user.id`) whose completion status was reported SUCCESS, newest first. FAILED and
 * IN_PROGRESS evaluations teach nothing.
 */
export function successfulSignOns(
  store: Store,
  evaluationsKey: string,
  event: Record<string, unknown>,
): SuccessfulSignOn[] {
  const userId = isObject(event.user) ? event.user.id : undefined;
  const signOns: SuccessfulSignOn[] = [];
  for (const evaluation of store.items(evaluationsKey).values()) {
    const past = isObject(evaluation.event) ? evaluation.event : {};
    if (past.completionStatus !== 'SUCCESS' || !isObject(past.user) || past.user.id !== userId) continue;
    const browser = isObject(past.browser) ? past.browser : {};
    signOns.push({
      ip: String(past.ip),
      userAgent: typeof browser.userAgent === 'string' ? browser.userAgent : undefined,
      at: Date.parse(String(evaluation.createdAt)),
    });
  }
  return signOns.sort((left, right) => right.at - left.at);
}
