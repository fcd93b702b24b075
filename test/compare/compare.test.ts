// `chotatsu-lint compare` through the built CLI on two editions of one spec (fixtures/editions/):
// the 令和7年度 edition lost the 抹消 clause, weakened log retention (5年間 → 1年間) and dropped the
// number of the first incident report (1時間以内 → 直ちに); it gained a proper 再委託 clause.
// The runs call the built CLI's main() in this process (compare reads both editions in the main
// thread, so a spawned process was mostly start-up); one spawned run is checked against them.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureBuilt, ROOT, runCli } from "../bad-input/harness.js";
import { runInProcess } from "../cli/in-process.js";
import { tempDir } from "../temp.js";

// Built now, not in beforeAll: the runs below happen while the tests are collected.
ensureBuilt();

const ED = "fixtures/editions";

interface ChangeJson {
  ruleId: string; kind: string; direction: string; check: string | null; severity: string;
  old: { status: string | null; value: string | null; place: { uri: string; line: number; paragraph: number | null; label: string | null; sectionPath: string[] } | null };
  new: { status: string | null; value: string | null; place: { uri: string; line: number; paragraph: number | null; label: string | null; sectionPath: string[] } | null };
}

async function compareJson(oldFile: string, newFile: string) {
  const run = await runInProcess(["compare", "--format", "json", oldFile, newFile], { cwd: ROOT });
  return { run, json: JSON.parse(run.stdout) as { regressions: ChangeJson[]; improvements: ChangeJson[]; clauses: { ruleId: string; old: { status: string }; new: { status: string } }[]; summary: Record<string, number> } };
}

const brief = (c: ChangeJson) => [c.ruleId, c.kind, c.check, c.old.status ?? c.old.value, c.new.status ?? c.new.value];

const EXPECTED_REGRESSIONS = [
  ["data-deletion", "status", null, "present", "partial"],
  ["threshold-short", "weaker", "log-retention", "5年間", "1年間"],
  ["threshold-short", "disappeared", "incident-first-report", "1時間以内", null],
];
const EXPECTED_IMPROVEMENTS = [["subcontract-approval", "status", null, "partial", "present"]];

const editions = {
  md: await compareJson(`${ED}/spec-r6.md`, `${ED}/spec-r7.md`),
  docx: await compareJson(`${ED}/spec-r6.docx`, `${ED}/spec-r7.docx`),
};

describe.each([
  ["Markdown", "md"],
  ["Word (LibreOffice)", "docx"],
] as const)("compare on %s", (_name, ext) => {
  const { run, json } = editions[ext];

  it("finds exactly the three regressions and the one improvement", () => {
    expect(run.stderr).toBe("");
    expect(json.regressions.map(brief)).toEqual(EXPECTED_REGRESSIONS);
    expect(json.improvements.map(brief)).toEqual(EXPECTED_IMPROVEMENTS);
    expect(json.summary).toEqual({ regressions: 3, improvements: 1, errorRegressions: 1 });
  });

  it("exits 1: data-deletion is an error-level rule", () => {
    expect(run.code).toBe(1);
  });

  it("gives the status of every clause rule in both editions", () => {
    const row = (id: string) => json.clauses.find((c) => c.ruleId === id)!;
    expect(json.clauses.length).toBeGreaterThan(30);
    expect([row("incident-report").old.status, row("incident-report").new.status]).toEqual(["present", "present"]);
    expect([row("data-deletion").old.status, row("data-deletion").new.status]).toEqual(["present", "partial"]);
  });

  it("names both places, with the chapter and (in Word) the paragraph and its numbering", () => {
    const lost = json.regressions[0]!;
    const retention = json.regressions[1]!;
    expect(lost.old.place!.uri).toBe(`${ED}/spec-r6.${ext}`);
    expect(retention.new.place!.uri).toBe(`${ED}/spec-r7.${ext}`);
    expect(lost.old.place!.sectionPath.slice(1)).toEqual(["第2章 作業の実施に当たっての遵守事項", "1. 情報セキュリティ管理"]);
    if (ext === "docx") {
      expect(lost.old.place!.paragraph).toBe(lost.old.place!.line);
      expect(lost.old.place!.label).toBe("6.");
      expect(retention.old.place!.label).toBe("3.");
    } else {
      expect(lost.old.place!.line).toBe(22);
      expect(retention.old.place!.line).toBe(19);
      expect(retention.new.place!.line).toBe(19);
    }
  });
});

describe("the spawned CLI", () => {
  it("prints the same JSON and exits with the same code as the in-process run", () => {
    const spawned = runCli(["compare", "--format", "json", `${ED}/spec-r6.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    expect(spawned.stderr).toBe("");
    expect(spawned.code).toBe(editions.md.run.code);
    expect(spawned.stdout).toBe(editions.md.run.stdout);
  });
});

describe("compare across formats and outputs", () => {
  it("compares a Markdown edition with a Word one", async () => {
    const { run, json } = await compareJson(`${ED}/spec-r6.md`, `${ED}/spec-r7.docx`);
    expect(run.code).toBe(1);
    expect(json.regressions.map(brief)).toEqual(EXPECTED_REGRESSIONS);
  });

  it("exits 0 when nothing changed: the same edition in Markdown and in Word", async () => {
    const same = await runInProcess(["compare", `${ED}/spec-r7.md`, `${ED}/spec-r7.docx`], { cwd: ROOT });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("条項の後退・改善はありません。");
  });

  it("stylish names the change and both places in Japanese", async () => {
    const r = await runInProcess(["compare", `${ED}/spec-r6.docx`, `${ED}/spec-r7.docx`], { cwd: ROOT });
    expect(r.stdout).toContain("後退 3 件");
    expect(r.stdout).toContain("ログの保存期間が弱くなりました: 5年間 → 1年間");
    expect(r.stdout).toContain("インシデントの第一報の期限の数値がなくなりました: 1時間以内 → なし");
    expect(r.stdout).toMatch(/旧版: fixtures\/editions\/spec-r6\.docx 段落 \d+ 6\.（/);
    expect(r.stdout).toContain("✖ 後退 3 件（うちエラー 1 件）、改善 1 件");
  });

  it("--locale en", async () => {
    const r = await runInProcess(["compare", "--locale", "en", `${ED}/spec-r6.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    expect(r.stdout).toContain("log retention period weakened: 5年間 → 1年間");
  });

  it("sarif: one failing result per regression at its new place, the old place related", async () => {
    const r = await runInProcess(["compare", "--format", "sarif", `${ED}/spec-r6.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    const sarif = JSON.parse(r.stdout);
    const results = sarif.runs[0].results as { ruleId: string; level: string; kind: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.filter((x) => x.kind === "fail").map((x) => [x.ruleId, x.level])).toEqual([
      ["data-deletion", "error"], ["threshold-short", "warning"], ["threshold-short", "warning"]]);
    expect(results.filter((x) => x.kind === "pass").map((x) => x.ruleId)).toEqual(["subcontract-approval"]);
    expect(results[1]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: `${ED}/spec-r7.md` }, region: { startLine: 19 } });
    expect(results[1]!.relatedLocations[0]!.physicalLocation.artifactLocation.uri).toBe(`${ED}/spec-r6.md`);
  });

  it("html: a page with the changes and the clause table", async () => {
    const dir = tempDir("cl-compare-");
    const out = path.join(dir, "compare.html");
    const r = await runInProcess(["compare", "--format", "html", "-o", out, `${ED}/spec-r6.docx`, `${ED}/spec-r7.docx`], { cwd: ROOT });
    expect(r.code).toBe(1);
    const html = fs.readFileSync(out, "utf8");
    expect(html).toContain("<h1>版の比較: fixtures/editions/spec-r6.docx → fixtures/editions/spec-r7.docx</h1>");
    expect((html.match(/<tr class="regression">/g) ?? []).length).toBe(3);
    expect((html.match(/<tr class="improvement">/g) ?? []).length).toBe(1);
    expect(html).toContain("<code>data-deletion</code>");
  });

  it("html escapes what the drafts say (headings appear in every place)", async () => {
    const dir = tempDir("cl-compare-");
    const r6 = fs.readFileSync(path.join(ROOT, ED, "spec-r6.md"), "utf8").replace("## 第2章", "## `<img src=x onerror=alert(1)>` 第2章");
    const r7 = fs.readFileSync(path.join(ROOT, ED, "spec-r7.md"), "utf8").replace("## 第2章", "## `<img src=x onerror=alert(1)>` 第2章");
    fs.writeFileSync(path.join(dir, "old.md"), r6);
    fs.writeFileSync(path.join(dir, "new.md"), r7);
    const html = (await runInProcess(["compare", "--format", "html", "old.md", "new.md"], { cwd: dir })).stdout;
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; 第2章");
    expect(html).not.toContain("<img");
  });

  it("usage errors exit 2 with one Japanese line", async () => {
    const one = await runInProcess(["compare", `${ED}/spec-r6.md`], { cwd: ROOT });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("compare には旧版と新版の 2 つを指定してください");
    const fmt = await runInProcess(["compare", "--format", "junit", `${ED}/spec-r6.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain("compare の出力形式は json, stylish, html, sarif のいずれかです（指定: junit）。");
  });

  it("an unreadable edition exits 2 naming the file and the reason, no stack trace", async () => {
    const r = await runInProcess(["compare", `${ED}/nope.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("fixtures/editions/nope.md: ファイルが見つかりません。\n");
  });
});

describe("compare on packages", () => {
  const dir = tempDir("cl-compare-pkg-");
  // 令和6年度: the Word package; 令和7年度: the same package in Markdown, its annex without the incident clause.
  fs.mkdirSync(path.join(dir, "r6"));
  fs.mkdirSync(path.join(dir, "r7"));
  const PKG = path.join(ROOT, "fixtures", "package");
  for (const f of ["body.docx", "annex1-security.docx", "requirements.docx"]) fs.copyFileSync(path.join(PKG, f), path.join(dir, "r6", f));
  for (const f of ["body.md", "requirements.md"]) fs.copyFileSync(path.join(PKG, f), path.join(dir, "r7", f));
  const annex = fs.readFileSync(path.join(PKG, "annex1-security.md"), "utf8");
  const trimmed = annex.replace(/## 1\. インシデントへの対処\n\n1\. [^\n]*\n\n/u, "");
  fs.writeFileSync(path.join(dir, "r7", "annex1-security.md"), trimmed);

  it("two folders: the clause the annex lost, at its place in the old annex (Word paragraph and numbering)", async () => {
    expect(trimmed).not.toBe(annex);
    const run = await runInProcess(["compare", "--format", "json", "r6", "r7"], { cwd: dir });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { old: { files: string[] }; regressions: ChangeJson[]; improvements: ChangeJson[] };
    expect(json.old.files).toEqual(["r6/body.docx", "r6/annex1-security.docx", "r6/requirements.docx"]);
    expect(json.regressions.map(brief)).toEqual([
      ["incident-report", "status", null, "present", "absent"],
      ["threshold-short", "disappeared", "incident-first-report", "1時間以内", null],
    ]);
    expect(json.improvements).toEqual([]);
    const old = json.regressions[0]!.old.place!;
    expect([old.uri, old.label, old.sectionPath]).toEqual(["r6/annex1-security.docx", "1.", ["別紙1 情報セキュリティに関する特記事項", "1. インシデントへの対処"]]);
  });

  it("a package name from packages: on each side", async () => {
    fs.writeFileSync(path.join(dir, ".chotatsu-lint.yaml"), [
      "packages:",
      "  - { name: R6, files: [r6/body.docx, r6/annex1-security.docx, r6/requirements.docx] }",
      "  - { name: R7, files: [r7/body.md, \"r7/annex*.md\", r7/requirements.md] }", ""].join("\n"));
    try {
      const run = await runInProcess(["compare", "--format", "json", "R6", "R7"], { cwd: dir });
      const json = JSON.parse(run.stdout) as { new: { files: string[] }; regressions: ChangeJson[] };
      expect(json.new.files).toEqual(["r7/body.md", "r7/annex1-security.md", "r7/requirements.md"]);
      expect(json.regressions.map((c) => c.ruleId)).toEqual(["incident-report", "threshold-short"]);
    } finally {
      fs.rmSync(path.join(dir, ".chotatsu-lint.yaml"));
    }
  });
});

describe("--compare-to-git REF", () => {
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  };
  const repo = tempDir("cl-compare-git-");
  git(repo, "init", "-q");
  fs.mkdirSync(path.join(repo, "spec"));
  fs.copyFileSync(path.join(ROOT, ED, "spec-r6.md"), path.join(repo, "spec", "spec.md"));
  fs.copyFileSync(path.join(ROOT, ED, "spec-r6.docx"), path.join(repo, "spec", "spec.docx"));
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "令和6年度版");
  // The working copy is the new edition.
  fs.copyFileSync(path.join(ROOT, ED, "spec-r7.md"), path.join(repo, "spec", "spec.md"));
  fs.copyFileSync(path.join(ROOT, ED, "spec-r7.docx"), path.join(repo, "spec", "spec.docx"));

  it.each(["spec.md", "spec.docx"])("compares %s with its last committed version, from a subfolder", async (file) => {
    const run = await runInProcess(["compare", "--format", "json", "--compare-to-git", "HEAD", file], { cwd: path.join(repo, "spec") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { old: { files: string[] }; new: { files: string[] }; regressions: ChangeJson[]; improvements: ChangeJson[] };
    expect(json.old.files).toEqual([`${file}@HEAD`]);
    expect(json.new.files).toEqual([file]);
    expect(json.regressions.map(brief)).toEqual(EXPECTED_REGRESSIONS);
    expect(json.improvements.map(brief)).toEqual(EXPECTED_IMPROVEMENTS);
    expect(json.regressions[0]!.old.place!.uri).toBe(`${file}@HEAD`);
  });

  it("from outside the repository too, and clean once the new edition is committed", async () => {
    expect((await runInProcess(["compare", "--compare-to-git", "HEAD", path.join(repo, "spec", "spec.md")], { cwd: ROOT })).code).toBe(1);
    const done = tempDir("cl-compare-git-");
    git(done, "init", "-q");
    fs.copyFileSync(path.join(ROOT, ED, "spec-r7.md"), path.join(done, "spec.md"));
    git(done, "add", ".");
    git(done, "commit", "-q", "-m", "r7");
    const run = await runInProcess(["compare", "--compare-to-git", "HEAD", "spec.md"], { cwd: done });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("条項の後退・改善はありません。");
  });

  it("an unknown ref or a file git does not know exits 2 with git's reason", async () => {
    const bad = await runInProcess(["compare", "--compare-to-git", "no-such-ref", "spec.md"], { cwd: path.join(repo, "spec") });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^spec\.md: git から no-such-ref の版を取り出せません（.+）。\n$/u);
    fs.writeFileSync(path.join(repo, "spec", "new.md"), "# 新しい仕様書\n");
    const untracked = await runInProcess(["compare", "--compare-to-git", "HEAD", "new.md"], { cwd: path.join(repo, "spec") });
    expect(untracked.code).toBe(2);
    expect(untracked.stderr).toContain("new.md: git から HEAD の版を取り出せません");
  });
});
