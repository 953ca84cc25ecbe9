import { budgets } from './budgets.js';
import { measure, scenarios } from './measure.js';

const results = await Promise.all(Object.values(scenarios).map(measure));
console.log('bundle                                                 minified    min+gzip');
for (const result of results) {
  console.log(
    `${result.name.padEnd(54)} ${String(result.minifiedBytes).padStart(8)} B ${String(result.gzippedBytes).padStart(8)} B`,
  );
}
const [, consumer, consumerPlusOne, authSignIn, authVerify] = results;
if (authSignIn && authVerify) {
  console.log(`budget: auth sign-in ${authSignIn.gzippedBytes} B of ${budgets.authSignIn} B`);
  console.log(`budget: auth verify ${authVerify.gzippedBytes} B of ${budgets.authVerify} B`);
}
if (consumer && consumerPlusOne) {
  console.log(`budget: consumer bundle ${consumer.gzippedBytes} B of ${budgets.consumerBundle} B`);
  console.log(
    `budget: one more operation ${consumerPlusOne.gzippedBytes - consumer.gzippedBytes} B of ${budgets.extraOperation} B`,
  );
}
