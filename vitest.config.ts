import os from "node:os";
import path from "node:path";
import picomatch from "picomatch";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Slow suites: those that run the built CLI end to end (spawned, or in-process with its worker
 * pool), pack or install the package, lint the whole corpus, fuzz, or time the engine on large documents. `npm test` runs
 * everything; `npm run test:fast` runs the rest, the unit suites, for the edit loop.
 * Heaviest first (measured): the run starts them first, so the longest file is not the last one left.
 */
export const SLOW_SUITES = [
  "test/bad-input/**",
  "test/annotate/annotate.test.ts",
  "test/cli/baseline.test.ts",
  "test/cli/cli.test.ts",
  "test/eval/**",
  "test/browser/**",
  "test/determinism/**",
  "test/integrations/**",
  "test/packages/**",
  "test/fuzz/**",
  "test/readers/markdown-table-fixtures.test.ts",
  "test/engine/performance.test.ts",
  "test/compare/**",
  "test/cli/cache.test.ts",
  "test/cli/pool.test.ts",
  "test/cli/progress.test.ts",
  "test/cli/bundle.test.ts",
  "test/package/**",
];

const TESTS = "**/*.test.ts";
/** Test files only: a folder's pattern must not pull in its helpers, fixtures or README. */
const slowTests = SLOW_SUITES.map((p) => (p.endsWith("/**") ? `${p}/${TESTS}` : p));
const NODE_MODULES = "**/node_modules/**";
const slowRank = slowTests.map((p) => picomatch(p));

/** Vitest's order (failed, then longest by its cache), except that slow suites go first, heaviest first. */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = slowRank.findIndex((m) => m(path.relative(f.project.config.root, f.moduleId)));
      return i < 0 ? slowRank.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: one on this 2-core machine, which ran
    // the files one after another while most slow suites wait on a spawned CLI, LibreOffice or Chromium.
    maxWorkers: os.availableParallelism(),
    sequence: { sequencer: SlowFirst },
    // Temp folders are removed after each test file by a hook this file registers (see test/temp.ts).
    setupFiles: ["test/setup.ts"],
    projects: [
      {
        extends: true,
        // The unit suites share one module graph per worker (isolate: false): each file then costs
        // its own tests, not a fresh import and evaluation of the engine, the readers and ajv.
        // They keep no state between files that another file could see (no mocks, stubs or
        // process listeners; temp folders are unique per call).
        test: { name: "unit", include: [`test/${TESTS}`], exclude: [...slowTests, NODE_MODULES], isolate: false, pool: "threads" },
      },
      {
        extends: true,
        test: { name: "slow", include: slowTests, exclude: [NODE_MODULES], pool: "forks" },
      },
    ],
  },
});
