import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Test files share a worker's modules: TypeScript loads once per worker, and the parsed DOM and
    // ES libraries (seconds to parse) are reused by every surface check after the first.
    isolate: false,
    testTimeout: 60_000,
  },
});
