import { budgets } from './budgets.js';
import { measure, scenarios } from './measure.js';

/**
 * `pnpm --filter @pingone-sdk/size size`: every bundle the budgets talk about, and in the same run the
 * nearest anchors' equivalents of the consumer bundle (auth0's ManagementClient, octokit with its app auth).
 */
const results = await Promise.all(Object.values(scenarios).map(measure));
const byName = new Map(results.map((result) => [result.name, result]));
const row = (name: string, minified: string, gzipped: string) =>
  `${name.padEnd(54)} ${minified.padStart(10)} ${gzipped.padStart(10)}`;
const bytes = (value: number) => `${value.toLocaleString('en')} B`;

console.log(row('bundle', 'minified', 'min+gzip'));
for (const result of results)
  console.log(row(result.name, bytes(result.minifiedBytes), bytes(result.gzippedBytes)));

console.log('\nside by side: a client, its authentication, one call to read a resource');
for (const scenario of [scenarios.consumer, scenarios.auth0, scenarios.octokit]) {
  const result = byName.get(scenario.name);
  if (result) console.log(row(result.name, bytes(result.minifiedBytes), bytes(result.gzippedBytes)));
}

const consumer = byName.get(scenarios.consumer.name);
const consumerPlusOne = byName.get(scenarios.consumerPlusOne.name);
const authSignIn = byName.get(scenarios.authSignIn.name);
const authVerify = byName.get(scenarios.authVerify.name);
console.log('');
if (consumer && consumerPlusOne) {
  console.log(`budget: consumer bundle ${bytes(consumer.gzippedBytes)} of ${bytes(budgets.consumerBundle)}`);
  console.log(
    `budget: one more operation ${bytes(consumerPlusOne.gzippedBytes - consumer.gzippedBytes)} of ${bytes(budgets.extraOperation)}`,
  );
}
if (authSignIn && authVerify) {
  console.log(`budget: auth sign-in ${bytes(authSignIn.gzippedBytes)} of ${bytes(budgets.authSignIn)}`);
  console.log(`budget: auth verify ${bytes(authVerify.gzippedBytes)} of ${bytes(budgets.authVerify)}`);
}
