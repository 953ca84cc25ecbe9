import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Cells mostly wait on timers and sockets: running many at once keeps the matrix well under a minute.
    maxConcurrency: 24,
    testTimeout: 15_000,
  },
});
