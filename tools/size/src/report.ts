import { readFileSync } from 'node:fs';
import { measure, scenarios } from './measure.js';

const budgets = JSON.parse(readFileSync(new URL('../budgets.json', import.meta.url), 'utf8')) as {
  consumerBundle: number;
  extraOperation: number;
};
const results = await Promise.all(Object.values(scenarios).map(measure));
console.log('bundle                                                 minified    min+gzip');
for (const result of results) {
  console.log(
    `${result.name.padEnd(54)} ${String(result.minifiedBytes).padStart(8)} B ${String(result.gzippedBytes).padStart(8)} B`,
  );
}
const [, consumer, consumerPlusOne] = results;
if (consumer && consumerPlusOne) {
  console.log(`budget: consumer bundle ${consumer.gzippedBytes} B of ${budgets.consumerBundle} B`);
  console.log(
    `budget: one more operation ${consumerPlusOne.gzippedBytes - consumer.gzippedBytes} B of ${budgets.extraOperation} B`,
  );
}
