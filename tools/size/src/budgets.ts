import { readFileSync } from 'node:fs';

/** The size budgets in tools/size/budgets.json, in bytes minified and gzipped. */
export interface Budgets {
  consumerBundle: number;
  extraOperation: number;
  authSignIn: number;
  authVerify: number;
}

export const budgets = JSON.parse(
  readFileSync(new URL('../budgets.json', import.meta.url), 'utf8'),
) as Budgets;
