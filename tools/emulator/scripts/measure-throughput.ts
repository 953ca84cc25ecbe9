// Requests per second the emulator serves for a page of 1,000 users (`?limit=1000`), measured with
// plain fetch: `concurrency` loops, each sending its next request when the previous answer is read.
// Run: pnpm bench  (or: pnpm exec tsx scripts/measure-throughput.ts [seconds] [concurrency] [limit])
import { startEmulator } from '../src/start-emulator.js';
import { requestToken } from '../src/test-support/emulator-session.js';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 16);
const limit = Number(process.argv[4] ?? 1000);

const users = Array.from({ length: 1000 }, (_, index) => ({
  username: `user${index}`,
  email: `user${index}@example.com`,
  name: { given: `Given${index}`, family: `Family${index % 37}` },
}));
const emulator = await startEmulator({ seed: { users } });
const token = await requestToken(emulator);
const url = `${emulator.apiUrl}/environments/${emulator.environmentId}/users?limit=${limit}`;
const headers = { authorization: `Bearer ${token}` };

let completed = 0;
let bytes = 0;
const deadline = performance.now() + seconds * 1000;
const loop = async () => {
  while (performance.now() < deadline) {
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    bytes += body.byteLength;
    completed++;
  }
};
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, loop));
const elapsed = (performance.now() - started) / 1000;
await emulator.close();
process.stdout.write(
  `${completed} requests in ${elapsed.toFixed(1)} s with ${concurrency} concurrent: ` +
    `${(completed / elapsed).toFixed(0)} requests/s, ${(bytes / completed / 1024).toFixed(0)} KiB per page of ${limit}\n`,
);
