// The package as npm users get it: `npm pack`, install the tarball into an empty project, run the
// installed bin on the bundled samples. Catches a `files:` list that misses what the CLI loads at run
// time (dist, rulesets, schemas, docs/rules) and a bin that only works from the repository.
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt, ROOT } from "../bad-input/harness.js";
import { tempDir } from "../temp.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
let project: string;
let bin: string;
let packed: string[];

beforeAll(() => {
  ensureBuilt();
  const out = tempDir("chotatsu-pack-");
  // --ignore-scripts: prepack would rebuild dist/ while other suites run the CLI from it.
  const info = JSON.parse(execFileSync(NPM, ["pack", "--json", "--ignore-scripts", "--pack-destination", out], { cwd: ROOT, encoding: "utf8" })) as
    { filename: string; files: { path: string }[] }[];
  packed = info[0]!.files.map((f) => f.path);
  project = tempDir("chotatsu-installed-");
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  // Dependencies come from the npm cache that `npm ci` filled (the registry only when missing).
  execFileSync(NPM, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", path.join(out, info[0]!.filename)],
    { cwd: project, encoding: "utf8", stdio: "pipe" });
  bin = path.join(project, "node_modules", ".bin", "chotatsu-lint");
}, 300_000);

const run = (args: string[]) => spawnSync(bin, args, { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("the packed tarball", () => {
  it("holds what the CLI loads at run time and nothing of the repository's tests or corpus", () => {
    for (const p of ["bin/chotatsu-lint.js", "dist/cli/main.js", "rulesets/mhlw-tebiki.yaml", "schemas/config.schema.json",
      "docs/rules/mhlw-tebiki.md", "package.json", "README.md"]) expect(packed).toContain(p);
    expect(packed.filter((p) => /^(test|fixtures|src|scripts)\//.test(p))).toEqual([]);
  });
  it("installs into an empty project and lints the bundled Word sample with the built-in ruleset", () => {
    fs.copyFileSync(path.join(ROOT, "fixtures/samples/sample.docx"), path.join(project, "sample.docx"));
    const r = run(["--format", "json", "sample.docx"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { files: { uri: string; error: unknown; findings: unknown[] }[] };
    expect(report.files).toHaveLength(1);
    expect(report.files[0]!.error).toBeNull();
    expect(report.files[0]!.findings.length).toBeGreaterThan(0);
  });
  it("answers --version from its own package.json, and links SARIF rules to the installed docs", () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;
    expect(run(["--version"]).stdout.trim()).toBe(version);
    fs.writeFileSync(path.join(project, "draft.md"), "# 仕様書\n\n受注者は、機器を納入すること。\n");
    const sarif = JSON.parse(run(["--format", "sarif", "draft.md"]).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === "patch-latest");
    const url = new URL(rule.helpUri as string);
    url.hash = "";
    expect(fileURLToPath(url).startsWith(fs.realpathSync(path.join(project, "node_modules")))).toBe(true);
    expect(fs.existsSync(fileURLToPath(url))).toBe(true);
  });
});
