// The default --jobs: the CPUs but one, between 1 and 2 (src/cli/run-lint.ts defaultJobs).
import { describe, expect, it } from "vitest";
import { defaultJobs } from "../../src/cli/run-lint.js";

describe("defaultJobs", () => {
  it("leaves a core to V8's background threads and the main thread, and stays within 1 to 2", () => {
    expect([1, 2, 3, 4, 16].map((n) => defaultJobs(n))).toEqual([1, 1, 2, 2, 2]);
  });
});
