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

const ALL = ["test/**/*.test.ts"];
const NODE_MODULES = "**/node_modules/**";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Temp folders are removed after each test file by a hook this file registers (see test/temp.ts).
    setupFiles: ["test/setup.ts"],
    projects: [
      {
        extends: true,
        // The unit suites share one module graph per worker (isolate: false): each file then costs
        // its own tests, not a fresh import and evaluation of the engine, the readers and ajv.
        // They keep no state between files that another file could see (no mocks, stubs or
        // process listeners; temp folders are unique per call).
        test: { name: "unit", include: ALL, exclude: [...SLOW_SUITES, NODE_MODULES], isolate: false, pool: "threads" },
      },
      {
        extends: true,
        test: { name: "slow", include: SLOW_SUITES, exclude: [NODE_MODULES], pool: "forks" },
      },
    ],
  },
});
