/**
 * Runs the smoke program in a web page in headless Chromium (Debian's package), driven by
 * playwright-core. The page is bundled for the `browser` condition and served at the emulator's own
 * origin (the test answers those two URLs itself), so that the SDK's calls are same-origin, as behind
 * a front-end's proxy, and no CORS rule of the emulator is involved.
 */
import { chromium } from 'playwright-core';
import type { CommandResult } from './run-command.js';
import type { SmokeTarget } from './smoke-target.js';
import { bundleForWeb } from './web-bundle.js';

// Root runs Chromium without its sandbox; the rest keeps it from reaching for Google's hosts.
const launchArguments = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function runInChromium(
  executablePath: string,
  consumerFolder: string,
  target: SmokeTarget,
): Promise<CommandResult> {
  const started = performance.now();
  const bundle = await bundleForWeb(consumerFolder, 'smoke-page.mjs', ['browser']);
  const browser = await chromium.launch({ executablePath, headless: true, args: launchArguments });
  const pageLog: string[] = [];
  try {
    const page = await browser.newPage();
    page.on('console', (message) => pageLog.push(`console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => pageLog.push(`page error: ${error.stack ?? error.message}`));
    const smokeOrigin = `${new URL(target.apiUrl).origin}/__smoke`;
    await page.route(`${smokeOrigin}/**`, (route) =>
      route.request().url().endsWith('/index.html')
        ? route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><meta charset="utf-8"><script type="module" src="smoke-page.bundle.js"></script>',
          })
        : route.fulfill({ contentType: 'text/javascript', path: bundle }),
    );
    await page.goto(`${smokeOrigin}/index.html`);
    await page.waitForFunction(() => 'runSmoke' in globalThis, undefined, { timeout: 20_000 });
    const transcript = await page.evaluate(
      (settings) => (globalThis as unknown as { runSmoke(s: unknown): Promise<string> }).runSmoke(settings),
      target,
    );
    return {
      code: transcript.includes('\nSMOKE OK ') || transcript.startsWith('SMOKE OK ') ? 0 : 1,
      stdout: transcript,
      stderr: pageLog.join('\n'),
      milliseconds: performance.now() - started,
    };
  } finally {
    await browser.close();
  }
}
