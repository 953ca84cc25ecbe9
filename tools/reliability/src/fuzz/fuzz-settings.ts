/**
 * Fuzzing runs with a fixed seed in CI, so that a failure reproduces; a larger run is one variable away:
 *
 *   FUZZ_RUNS=20000 FUZZ_SEED=$RANDOM pnpm --filter @pingone-sdk/reliability exec vitest run src/fuzz
 *
 * A failing run prints its seed and the shrunk counterexample; pass the seed back to replay it.
 */
export const fuzzSettings = {
  numRuns: Number(process.env.FUZZ_RUNS ?? 150),
  seed: Number(process.env.FUZZ_SEED ?? 20261201),
};
