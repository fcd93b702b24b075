// The baseline file as a repository adopting the linter uses it: record today's findings, pass,
// fail only on new ones, survive edits elsewhere in the draft, refuse a broken file.
import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { ensureBuilt, parseJson, STACK_LINE } from "../bad-input/harness.js";
import { runInProcess } from "./in-process.js";
import { makeWorkspace } from "./workspace.js";

beforeAll(() => ensureBuilt(), 300_000);

// vague-words made an error, so a weakened duty fails the run like any defect.
const STRICT = ["--rule", "vague-words:error"];
const DRAFT = "# 情報セキュリティ\n\n受注者は、機器を適宜納入すること。\n";
const BASELINE = ".chotatsu-baseline.json";

function readBaselineFile(ws: string, name = BASELINE) {
  return JSON.parse(fs.readFileSync(path.join(ws, name), "utf8")) as
    { tool: string; version: number; findings: { uri: string; ruleId: string; fingerprint: string; count: number }[] };
}

async function adopt(files: Record<string, string> = { "specs/a.md": DRAFT }): Promise<string> {
  const ws = makeWorkspace(files);
  const w = await runInProcess(["specs", ...STRICT, "--write-baseline", BASELINE], { cwd: ws });
  expect(w.code).toBe(0);
  return ws;
}

describe("--write-baseline", () => {
  it("records each unsuppressed finding by uri, rule and fingerprint, and the adopting run passes", async () => {
    const ws = makeWorkspace({ "specs/a.md": DRAFT });
    const before = parseJson(await runInProcess(["specs", ...STRICT, "--format", "json"], { cwd: ws }));
    const w = await runInProcess(["specs", ...STRICT, "--write-baseline", BASELINE, "--format", "json"], { cwd: ws });
    expect(w.code).toBe(0);
    expect(w.stderr).toBe(`ベースラインファイル ${BASELINE} に 2 件の指摘（1 ファイル）を記録しました。\n`);
    const b = readBaselineFile(ws);
    expect(b.tool).toBe("chotatsu-lint");
    expect(b.version).toBe(1);
    const fp = (rule: string) => before.files[0]!.findings.find((f) => f.ruleId === rule)!.fingerprint;
    expect(b.findings).toEqual([
      { uri: "specs/a.md", ruleId: "patch-latest", fingerprint: fp("patch-latest"), count: 1 },
      { uri: "specs/a.md", ruleId: "vague-words", fingerprint: fp("vague-words"), count: 1 },
    ]);
    // The same run applies what it recorded.
    const r = parseJson(w);
    expect(r.files[0]!.findings.map((f) => f.suppressed)).toEqual([{ kind: "baseline" }, { kind: "baseline" }]);
    expect(r.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0, unreadable: 0 });
  });

  it("writes byte-identical files whatever the job count or the folder it runs from", async () => {
    const ws = await adopt({ "specs/a.md": DRAFT, "specs/b.md": DRAFT + "\n受注者は、報告を適宜行うこと。\n", "specs/c.md": "# x\n" });
    const first = fs.readFileSync(path.join(ws, BASELINE), "utf8");
    expect((await runInProcess(["specs", ...STRICT, "-j", "1", "--write-baseline", "again.json"], { cwd: ws })).code).toBe(0);
    expect((await runInProcess([".", ...STRICT, "-j", "2", "--write-baseline", "../again2.json"], { cwd: path.join(ws, "specs") })).code).toBe(0);
    expect(fs.readFileSync(path.join(ws, "again.json"), "utf8")).toBe(first);
    expect(fs.readFileSync(path.join(ws, "again2.json"), "utf8")).toBe(first);
    expect(first.endsWith("}\n")).toBe(true);
    const uris = readBaselineFile(ws).findings.map((f) => `${f.uri} ${f.ruleId}`);
    expect(uris).toEqual(["specs/a.md patch-latest", "specs/a.md vague-words", "specs/b.md patch-latest",
      "specs/b.md vague-words", "specs/b.md vague-words", "specs/c.md patch-latest"]);
    // No temp file left beside it.
    expect(fs.readdirSync(ws).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("names files relative to the baseline's own folder", async () => {
    const ws = makeWorkspace({ "specs/a.md": DRAFT });
    const run = await runInProcess(["specs", "--write-baseline", "specs/.baseline.json"], { cwd: ws });
    expect(run.code).toBe(0);
    expect(readBaselineFile(ws, "specs/.baseline.json").findings.map((f) => f.uri)).toEqual(["a.md", "a.md"]);
  });

  it("counts findings that share a fingerprint (a repeated sentence) and suppresses only that many", async () => {
    const twice = "# 情報セキュリティ\n\n受注者は、機器を適宜納入すること。\n\n受注者は、機器を適宜納入すること。\n";
    const ws = await adopt({ "specs/a.md": twice });
    expect(readBaselineFile(ws).findings.filter((f) => f.ruleId === "vague-words").map((f) => f.count)).toEqual([2]);
    fs.writeFileSync(path.join(ws, "specs/a.md"), twice + "\n受注者は、機器を適宜納入すること。\n");
    const run = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--format", "json"], { cwd: ws });
    expect(run.code).toBe(1);
    const vague = parseJson(run).files[0]!.findings.filter((f) => f.ruleId === "vague-words");
    expect(vague.map((f) => [f.location!.line, f.suppressed ?? null]))
      .toEqual([[3, { kind: "baseline" }], [5, { kind: "baseline" }], [7, null]]);
  });

  it("does not record findings already suppressed inline", async () => {
    const ws = await adopt({ "specs/a.md": "# 情報セキュリティ\n\n<!-- chotatsu-lint-disable-next-line vague-words -- 既定の表現 -->\n受注者は、機器を適宜納入すること。\n" });
    expect(readBaselineFile(ws).findings.map((f) => f.ruleId)).toEqual(["patch-latest"]);
  });

  it("is not written when a file could not be read (its findings would look new later)", async () => {
    const ws = makeWorkspace({ "specs/a.md": DRAFT });
    const run = await runInProcess(["specs", "nope.md", "--write-baseline", BASELINE], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`読み込めないファイルが 1 件あるため、ベースラインファイル ${BASELINE} は書き出していません。`);
    expect(fs.existsSync(path.join(ws, BASELINE))).toBe(false);
  });

  it("exit 2 before linting when the baseline's folder does not exist", async () => {
    const ws = makeWorkspace({ "specs/a.md": DRAFT });
    const run = await runInProcess(["specs", "--write-baseline", "no/such/dir/b.json"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("が存在しません。結果は書き出していません。");
  });
});

describe("--baseline", () => {
  it("suppresses recorded findings (visible in JSON, SARIF kind external) and exits 0", async () => {
    const ws = await adopt();
    const run = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--format", "json"], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const f = parseJson(run).files[0]!.findings;
    expect(f.map((x) => [x.ruleId, x.suppressed])).toEqual([
      ["patch-latest", { kind: "baseline" }], ["vague-words", { kind: "baseline" }]]);
    const sarif = JSON.parse((await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--format", "sarif"], { cwd: ws })).stdout) as
      { runs: { results: { suppressions?: { kind: string }[] }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.suppressions)).toEqual([[{ kind: "external" }], [{ kind: "external" }]]);
  });

  it("a new defect fails the run and is the only one counted", async () => {
    const ws = await adopt();
    fs.writeFileSync(path.join(ws, "specs/a.md"), DRAFT + "\n受注者は、報告を必要に応じて適宜行うこと。\n");
    const run = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--format", "json"], { cwd: ws });
    expect(run.code).toBe(1);
    const r = parseJson(run);
    expect(r.summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0, unreadable: 0 });
    const open = r.files[0]!.findings.filter((x) => !x.suppressed);
    expect(open.map((x) => [x.ruleId, x.location])).toEqual([["vague-words",
      { line: 5, column: 15, endLine: 5, endColumn: 17, paragraph: null, region: "body", table: null, host: null, note: null }]]);
    // A new file is new, too.
    fs.writeFileSync(path.join(ws, "specs/a.md"), DRAFT);
    fs.writeFileSync(path.join(ws, "specs/b.md"), "# 概要\n");
    const stylish = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE], { cwd: ws });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain("specs/b.md\n  文書全体  エラー  patch-latest");
    expect(stylish.stdout).not.toContain("specs/a.md");
  });

  it("keeps suppressing when paragraphs are inserted above (same fingerprints, new lines)", async () => {
    const ws = await adopt();
    const before = parseJson(await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--format", "json"], { cwd: ws })).files[0]!.findings;
    fs.writeFileSync(path.join(ws, "specs/a.md"),
      "# 概要\n\n本書は、機器の調達仕様を定める。\n\n" + DRAFT.replace("# 情報セキュリティ\n\n", "# 情報セキュリティ\n\n受注者は、作業計画書を提出すること。\n\n"));
    const run = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--format", "json"], { cwd: ws });
    expect(run.code).toBe(0);
    const after = parseJson(run).files[0]!.findings;
    const vague = (xs: typeof after) => xs.find((x) => x.ruleId === "vague-words")!;
    expect(vague(before).location!.line).toBe(3);
    expect(vague(after).location!.line).toBe(9);
    expect(vague(after).fingerprint).toBe(vague(before).fingerprint);
    expect(after.map((x) => x.suppressed)).toEqual([{ kind: "baseline" }, { kind: "baseline" }]);
  });

  it("matches from a subfolder, with the file named differently on the command line", async () => {
    const ws = await adopt();
    const run = await runInProcess([".", ...STRICT, "--baseline", `../${BASELINE}`, "--format", "json"], { cwd: path.join(ws, "specs") });
    expect(run.code).toBe(0);
    const r = parseJson(run);
    expect(r.files[0]!.uri).toBe("a.md");
    expect(r.files[0]!.findings.every((x) => x.suppressed?.kind === "baseline")).toBe(true);
  });

  it("reports fixed entries once in the stylish summary, without failing", async () => {
    const ws = await adopt({ "specs/a.md": DRAFT, "specs/b.md": DRAFT });
    fs.writeFileSync(path.join(ws, "specs/a.md"), "# 情報セキュリティ\n\n受注者は、最新のセキュリティパッチを適用すること。\n");
    const run = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE], { cwd: ws });
    expect(run.code).toBe(0);
    const line = `ベースライン ${BASELINE} の 2 件は検出されなくなりました（修正済み）。--write-baseline で更新できます。`;
    expect(run.stdout.split("\n").filter((l) => l === line)).toHaveLength(1);
    const en = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--locale", "en"], { cwd: ws });
    expect(en.stdout).toContain(`2 baseline finding(s) in ${BASELINE} no longer occur (fixed). Refresh with --write-baseline.\n`);
    // Linting only b.md says nothing about a.md's entries.
    expect((await runInProcess(["specs/b.md", ...STRICT, "--baseline", BASELINE], { cwd: ws })).stdout).not.toContain("検出されなくなりました");
  });

  it("a missing baseline is exit 2 naming the file, in ja and en", async () => {
    const ws = makeWorkspace({ "specs/a.md": DRAFT });
    const ja = await runInProcess(["specs", "--baseline", "none.json"], { cwd: ws });
    expect(ja.code).toBe(2);
    expect(ja.stdout).toBe("");
    expect(ja.stderr).toBe("ベースラインファイル none.json が見つかりません。--write-baseline none.json で作成してください。\n");
    const en = await runInProcess(["specs", "--baseline", "none.json", "--locale", "en"], { cwd: ws });
    expect(en.stderr).toBe("Baseline file none.json not found. Create it with --write-baseline none.json.\n");
  });

  it.each([
    ["not JSON", "{\n  \"version\": 1,\n", /^ベースラインファイル bad\.json の内容が壊れています（.+）。--write-baseline で作り直してください。\n$/],
    ["an array", "[]", /^ベースラインファイル bad\.json の内容が壊れています（not an object）。/],
    ["a bad entry", JSON.stringify({ version: 1, findings: [{ uri: "a.md", ruleId: "x", fingerprint: "f", count: 0 }] }),
      /^ベースラインファイル bad\.json の内容が壊れています（findings\[0\]）。/],
    ["another version", JSON.stringify({ version: 2, findings: [] }),
      /^ベースラインファイル bad\.json の形式バージョン 2 には対応していません（対応: 1）。\n$/],
  ])("a corrupt baseline (%s) is exit 2 with a message naming the file", async (_name, text, message) => {
    const ws = makeWorkspace({ "specs/a.md": DRAFT, "bad.json": text });
    const run = await runInProcess(["specs", "--baseline", "bad.json"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("--write-baseline with --baseline refreshes the file, dropping fixed entries", async () => {
    const ws = await adopt({ "specs/a.md": DRAFT });
    fs.writeFileSync(path.join(ws, "specs/a.md"), "# 情報セキュリティ\n\n受注者は、最新のセキュリティパッチを適宜適用すること。\n");
    const run = await runInProcess(["specs", ...STRICT, "--baseline", BASELINE, "--write-baseline", BASELINE], { cwd: ws });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("検出されなくなりました");
    expect(readBaselineFile(ws).findings.map((f) => f.ruleId)).toEqual(["vague-words"]);
  });
});

describe("baseline: in .chotatsu-lint.yaml", () => {
  const CONFIG = `extends: [./mini.yaml]\nbaseline: ${BASELINE}\n`;

  it("is applied without --baseline, relative to the config file, also from a subfolder", async () => {
    const ws = await adopt();
    fs.writeFileSync(path.join(ws, ".chotatsu-lint.yaml"), CONFIG);
    const root = await runInProcess(["specs", ...STRICT, "--format", "json"], { cwd: ws });
    expect(root.code).toBe(0);
    expect(parseJson(root).files[0]!.findings.map((x) => x.suppressed)).toEqual([{ kind: "baseline" }, { kind: "baseline" }]);
    const sub = await runInProcess([".", ...STRICT, "--format", "json"], { cwd: path.join(ws, "specs") });
    expect(sub.code).toBe(0);
    expect(parseJson(sub).files[0]!.findings.every((x) => x.suppressed?.kind === "baseline")).toBe(true);
  });

  it("yields to --baseline given on the command line", async () => {
    const ws = await adopt();
    fs.writeFileSync(path.join(ws, ".chotatsu-lint.yaml"), CONFIG);
    fs.writeFileSync(path.join(ws, "empty.json"), JSON.stringify({ tool: "chotatsu-lint", version: 1, findings: [] }));
    const run = await runInProcess(["specs", ...STRICT, "--baseline", "empty.json", "--format", "json"], { cwd: ws });
    expect(run.code).toBe(1);
    expect(parseJson(run).files[0]!.findings.map((x) => x.suppressed ?? null)).toEqual([null, null]);
  });

  it("a missing configured file is exit 2 naming it relative to where the linter runs", async () => {
    const ws = makeWorkspace({ "specs/a.md": DRAFT, ".chotatsu-lint.yaml": CONFIG });
    const root = await runInProcess(["specs"], { cwd: ws });
    expect(root.code).toBe(2);
    expect(root.stderr).toBe(`ベースラインファイル ${BASELINE} が見つかりません。--write-baseline ${BASELINE} で作成してください。\n`);
    const sub = await runInProcess(["."], { cwd: path.join(ws, "specs") });
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain(`ベースラインファイル ../${BASELINE} が見つかりません。`);
  });
});
