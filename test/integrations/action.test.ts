// The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml) as their hosts
// run them: the action's lint step is executed by bash with the environment the runner gives a
// composite step (inputs resolved to their defaults or the caller's `with:`), against the built CLI.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { ensureBuilt, ROOT } from "../bad-input/harness.js";
import { LINTABLE_EXTENSIONS } from "../../src/cli/collect.js";
import { makeWorkspace } from "../cli/workspace.js";
import { tempDir } from "../temp.js";

interface Step { id?: string; name: string; shell: string; run: string; env?: Record<string, string> }
interface Action { inputs: Record<string, { default: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }
const action = parse(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8")) as Action;
const INPUT_REF = /\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g;

/** Runs the action's lint step as the runner would, with `with:` values over the inputs' defaults. */
function runLintStep(cwd: string, withInputs: Record<string, string>) {
  const step = action.runs.steps.find((s) => s.id === "lint")!;
  const outputFile = path.join(tempDir("chotatsu-gh-"), "output");
  fs.writeFileSync(outputFile, "");
  const env: Record<string, string> = { ...process.env as Record<string, string>, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, NO_COLOR: "1" };
  for (const [k, v] of Object.entries(step.env ?? {})) {
    env[k] = v.replace(INPUT_REF, (_m, name: string) => withInputs[name] ?? action.inputs[name]!.default);
  }
  const r = spawnSync("bash", ["-e", "-c", step.run], { cwd, env, encoding: "utf8" });
  return { ...r, outputs: fs.readFileSync(outputFile, "utf8") };
}

describe("GitHub Action (action.yml)", () => {
  it("is a composite action whose steps refer only to declared inputs and step outputs", () => {
    expect(action.runs.using).toBe("composite");
    const text = fs.readFileSync(path.join(ROOT, "action.yml"), "utf8");
    const used = [...text.matchAll(INPUT_REF)].map((m) => m[1]!);
    expect(used.filter((n) => !(n in action.inputs))).toEqual([]);
    expect(Object.keys(action.inputs).filter((n) => !used.includes(n))).toEqual([]);
    expect(action.outputs["exit-code"]!.value).toContain("steps.lint.outputs.exit-code");
  });
  it("annotates findings in the runner's format by default and passes the exit code on", () => {
    ensureBuilt();
    const ws = makeWorkspace();
    const r = runLintStep(ws, { files: "bad.md good.md" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("::error file=bad.md,line=1,col=1");
    expect(r.outputs).toBe("exit-code=1\n");
    const clean = runLintStep(ws, { files: "good.md" });
    expect([clean.status, clean.outputs]).toEqual([0, "exit-code=0\n"]);
  });
  it("writes SARIF to `output` for upload-sarif, with extra args and English", () => {
    const ws = makeWorkspace();
    const r = runLintStep(ws, { files: "warn.md", format: "sarif", output: "out/results.sarif", args: "--max-warnings 0", locale: "en" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/warnings/i);
    const sarif = JSON.parse(fs.readFileSync(path.join(ws, "out/results.sarif"), "utf8"));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(["vague-words"]);
  });
});

describe("pre-commit hook (.pre-commit-hooks.yaml)", () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as
    { id: string; entry: string; language: string; files: string; require_serial: boolean }[];
  it("runs the repository's hook script serially, which lints the files pre-commit passes", () => {
    expect(hooks.map((h) => [h.id, h.language, h.require_serial])).toEqual([["chotatsu-lint", "script", true]]);
    const script = path.join(ROOT, hooks[0]!.entry);
    expect(fs.statSync(script).mode & 0o111).not.toBe(0);
    ensureBuilt();
    const ws = makeWorkspace();
    const r = spawnSync(script, ["bad.md", "good.md"], { cwd: ws, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("patch-latest");
    expect(spawnSync(script, ["good.md"], { cwd: ws, encoding: "utf8" }).status).toBe(0);
  });
  it("selects exactly the file types the linter reads, in any letter case", () => {
    // pre-commit's patterns are Python regexes; `(?i)` at the start is read the same way by JavaScript's flag.
    const files = new RegExp(hooks[0]!.files.replace(/^\(\?i\)/, ""), hooks[0]!.files.startsWith("(?i)") ? "i" : "");
    for (const ext of LINTABLE_EXTENSIONS) expect(files.test(`specs/仕様書${ext.toUpperCase()}`)).toBe(true);
    for (const other of ["a.pdf", "a.doc", "a.png", "a.md.bak"]) expect(files.test(other)).toBe(false);
  });
});
