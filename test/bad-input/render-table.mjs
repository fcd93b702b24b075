#!/usr/bin/env node
// Prints the case table of test/bad-input/README.md from the figures the last suite run measured
// ($TMPDIR/chotatsu-bad-inputs-results.json, written by bad-input.test.ts).
//   node test/bad-input/render-table.mjs [results.json ...] > /tmp/table.md   (later files add cases)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { caseDefinitions } from "../../scripts/make-bad-inputs.mjs";

const files = process.argv.length > 2 ? process.argv.slice(2) : [path.join(os.tmpdir(), "chotatsu-bad-inputs-results.json")];
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
