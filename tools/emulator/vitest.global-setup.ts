import { bundleSpecs } from './scripts/bundle-specs.mjs';

/** The spec grows while we work: bundle it fresh before every test run. */
export default async function setup(): Promise<void> {
  await bundleSpecs({ quiet: true });
}
