/**
 * The smoke program in a web page: bundled with esbuild from the consumer project's node_modules, as a
 * front-end build would, and loaded by Chromium. The test calls `runSmoke(settings)` in the page, which
 * resolves to the transcript, ending in `SMOKE OK {…}` or `SMOKE FAILED: …`.
 */
import { runSmokeSteps } from './smoke-steps.mjs';

globalThis.runSmoke = async (settings) => {
  // The user agent string shows only the major version; the full one is a high-entropy hint.
  const hints = await navigator.userAgentData?.getHighEntropyValues(['fullVersionList']);
  const version = hints?.fullVersionList?.find((entry) => entry.brand === 'Chromium')?.version ?? 'unknown';
  const runtime = { runtime: 'chromium', version };
  const lines = [];
  try {
    await runSmokeSteps(settings, runtime, (line) => lines.push(`[chromium ${version}] ${line}`));
    lines.push(`SMOKE OK ${JSON.stringify(runtime)}`);
  } catch (error) {
    lines.push(`SMOKE FAILED: ${error?.stack ?? error}`);
  }
  return `${lines.join('\n')}\n`;
};
