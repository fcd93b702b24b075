#!/usr/bin/env node
// Prints the case table of test/bad-input/README.md from the figures a suite run measured
// (the file named by CHOTATSU_BAD_INPUT_RESULTS when bad-input.test.ts ran).
//   node test/bad-input/render-table.mjs results.json [more.json ...] > table.md   (later files add cases)
import fs from "node:fs";
import path from "node:path";
import { caseDefinitions } from "../../scripts/make-bad-inputs.mjs";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: CHOTATSU_BAD_INPUT_RESULTS=$(mktemp) npx vitest run test/bad-input, then: node test/bad-input/render-table.mjs <that file>");
  process.exit(2);
}
const results = Object.assign({}, ...files.map((f) => JSON.parse(fs.readFileSync(f, "utf8"))));
const titles = Object.fromEntries(caseDefinitions().map((c) => [c.id, c.title]));
const extra = {
  "missing-file": "a path that does not exist (a file deleted before it was read)",
  "unknown-format": "`--format pdf`",
  "output-in-missing-dir": "`-o no-such-dir/sub/report.json`",
};
const notes = {
  "symlink-loop": "(loop skipped; loop/good.md linted exactly once)",
  "directory-named-md": "(walked as a folder; nothing to lint inside)",
  "catastrophic-regex": "(accepted; RE2 runs it in linear time on 50 000 a's + b; clause found)",
};
console.log("| case | exit | error code | message (ja) | wall s | CPU s | peak RSS MB |");
console.log("|---|---|---|---|---|---|---|");
for (const [id, r] of Object.entries(results)) {
  const msg = (r.message ?? notes[id] ?? (r.error === "none" ? "(read and linted)" : "")).replace(/\|/g, "\\|").replace(/\/tmp\/chotatsu-bad-inputs-\w+\//g, "");
  console.log(`| ${id}: ${titles[id] ?? extra[id] ?? ""} | ${r.code} | ${r.error && r.error !== "none" ? r.error : "—"} | ${msg} | ${(r.ms / 1000).toFixed(1)} | ${r.cpuS ?? ""} | ${r.rssMb ?? ""} |`);
}
