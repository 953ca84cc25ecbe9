import { bundleSpecs } from './scripts/bundle-specs.mjs';

/** The spec grows while we work: bundle it fresh before every test run. */
export default function setup(): void {
  bundleSpecs({ quiet: true });
}
