/**
 * The smoke program as an edge worker (workerd, the runtime of Cloudflare Workers): bundled with esbuild
 * from the consumer project's node_modules, as a worker's build would. A POST with the smoke settings
 * as JSON runs the steps; the answer is the transcript, ending in `SMOKE OK {…}` or `SMOKE FAILED: …`.
 */
import { runSmokeSteps } from './smoke-steps.mjs';

export default {
  async fetch(request) {
    const runtime = {
      runtime: navigator.userAgent === 'Cloudflare-Workers' ? 'workerd' : 'unknown',
      version: '',
    };
    const lines = [];
    try {
      await runSmokeSteps(await request.json(), runtime, (line) => lines.push(`[workerd] ${line}`));
      lines.push(`SMOKE OK ${JSON.stringify(runtime)}`);
      return new Response(`${lines.join('\n')}\n`);
    } catch (error) {
      lines.push(`SMOKE FAILED: ${error?.stack ?? error}`);
      return new Response(`${lines.join('\n')}\n`, { status: 500 });
    }
  },
};
