// CI's closing line counts a test file that fails to load as a failure (issue 11).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "../temp.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const run = (report: unknown) => {
  const file = path.join(tempDir("chotatsu-ci-summary-"), "r.json");
  writeFileSync(file, JSON.stringify(report));
  return spawnSync(process.execPath, [path.join(root, "scripts/ci-summary.mjs"), file], { encoding: "utf8" });
};

describe("ci-summary", () => {
  it("prints passed and failed tests", () => {
    const r = run({ numPassedTests: 5, numFailedTests: 0, success: true, testResults: [{ name: "a", status: "passed", assertionResults: [{ status: "passed" }] }] });
    expect(r.stdout).toBe("5 passed, 0 failed\n");
    expect(r.status).toBe(0);
  });
  it("counts a suite that failed to load (no test results of its own) as one failure", () => {
    const r = run({ numPassedTests: 3, numFailedTests: 0, success: false, testResults: [
      { name: "broken.test.ts", status: "failed", message: "SyntaxError: Unexpected token", assertionResults: [] },
      { name: "ok.test.ts", status: "passed", assertionResults: [{ status: "passed" }] },
    ] });
    expect(r.stdout).toBe("3 passed, 1 failed\n");
    expect(r.stderr).toContain("broken.test.ts");
    expect(r.status).toBe(1);
  });
  it("does not count a suite twice when its tests failed", () => {
    const r = run({ numPassedTests: 1, numFailedTests: 2, success: false, testResults: [
      { name: "x.test.ts", status: "failed", assertionResults: [{ status: "failed" }, { status: "failed" }, { status: "passed" }] },
    ] });
    expect(r.stdout).toBe("1 passed, 2 failed\n");
  });
});
