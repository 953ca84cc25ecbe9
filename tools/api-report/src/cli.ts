import { checkReports } from './check-reports.js';

// Run in a package folder (turbo's `api-report` task): `api-report` checks, `api-report --update` rewrites.
const update = process.argv.includes('--update');
const { packageName, reports, failures } = checkReports(process.cwd(), { update });
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`${packageName}: ${update ? 'wrote' : 'checked'} ${reports.join(', ')}`);
