import { defineConfig } from "vitest/config";

/**
 * Slow suites: those that run the built CLI end to end (spawned, or in-process with its worker
 * pool), pack or install the package, lint the whole corpus, fuzz, or time the engine on large documents. `npm test` runs
 * everything; `npm run test:fast` runs the rest, the unit suites, for the edit loop.
 */
export const SLOW_SUITES = [
  "test/cli/cli.test.ts",
  "test/cli/baseline.test.ts",
  "test/cli/cache.test.ts",
  "test/cli/progress.test.ts",
  "test/cli/pool.test.ts",
  "test/bad-input/**",
  "test/determinism/**",
  "test/eval/**",
  "test/fuzz/**",
  "test/annotate/annotate.test.ts",
  "test/engine/performance.test.ts",
  "test/readers/markdown-table-fixtures.test.ts",
  "test/integrations/**",
  "test/package/**",
  "test/browser/**",
  "test/compare/**",
  "test/packages/**",
];

const fast = process.env.CHOTATSU_TEST_FAST === "1";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: fast ? [...SLOW_SUITES, "**/node_modules/**"] : ["**/node_modules/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
