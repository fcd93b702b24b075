#!/usr/bin/env node
// Prints CI's closing line "N passed, N failed" from vitest's JSON report. A test file that fails
// to load (syntax error, failing import, error in a hook) has no test results of its own: vitest
// counts it in numFailedTestSuites only, so it is counted here as one failed test, with its name on
// stderr. Exit 1 when anything failed.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
let passed = report.numPassedTests ?? 0;
let failed = report.numFailedTests ?? 0;
for (const suite of report.testResults ?? []) {
  const failedTests = (suite.assertionResults ?? []).filter((a) => a.status === "failed").length;
  if (suite.status === "failed" && failedTests === 0) {
    failed++;
    process.stderr.write(`suite failed outside its tests: ${suite.name}\n${(suite.message ?? "").split("\n").slice(0, 5).join("\n")}\n`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || report.success === false ? 1 : 0);
