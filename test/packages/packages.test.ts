// Packages through the built CLI: a LibreOffice-written body + 別紙1 + 要件定義書 (fixtures/package/)
// whose clauses are split across the files. Judged as one, each clause is satisfied by the file that
// holds it, the body's references to 別紙1 and 要件定義書 resolve, and findings stay where they are.
// The runs call the built CLI's main() in this process, not a process each; one spawned run must
// print the same bytes.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { ensureBuilt, ROOT, runCli } from "../bad-input/harness.js";
import { runInProcess } from "../cli/in-process.js";
import { tempDir } from "../temp.js";

// Built now, not in beforeAll: the runs below happen while the tests are collected.
ensureBuilt();

const PKG = path.join(ROOT, "fixtures", "package");
const DOCX = ["body.docx", "annex1-security.docx", "requirements.docx"];

interface Evidence { uri: string; line: number; paragraph: number | null; label: string | null; sectionPath: string[]; text: string | null }
/** Each file's title: the first heading every evidence place sits under. */
const TITLES: Record<string, string> = {
  "body.docx": "文書管理システム運用・保守業務 調達仕様書",
  "annex1-security.docx": "別紙1 情報セキュリティに関する特記事項",
  "requirements.docx": "文書管理システム 要件定義書",
};
interface Json {
  files: { uri: string; format: string; findings: { ruleId: string; location: { line: number; column: number; paragraph: number | null } | null; excerpt: string | null }[]; coverage: Record<string, { status: string }> }[];
  packages?: { name: string; files: string[]; coverage: Record<string, { status: string; applies: boolean; evidence: Evidence | null }> }[];
  suggestedPackages?: { folder: string; files: string[]; links: { from: string; to: string; name: string }[] }[];
}

async function lintJson(args: string[], cwd = PKG): Promise<{ code: number | null; json: Json; stdout: string; stderr: string }> {
  const run = await runInProcess(["--format", "json", ...args], { cwd });
  return { code: run.code, json: JSON.parse(run.stdout) as Json, stdout: run.stdout, stderr: run.stderr };
}

const packaged = await lintJson(["--package", "調達一式", ...DOCX]);
const bodyAlone = await lintJson(["body.docx"]);
const rulesOf = (j: Json, uri: string) => j.files.find((f) => f.uri === uri)!.findings.map((f) => f.ruleId);

describe("the spawned CLI", () => {
  it("prints the same package report and exits with the same code as the in-process run", () => {
    const spawned = runCli(["--format", "json", "--package", "調達一式", ...DOCX], { cwd: PKG });
    expect(spawned.stderr).toBe("");
    expect(spawned.code).toBe(packaged.code);
    expect(spawned.stdout).toBe(packaged.stdout);
  });
});

describe("a package judged as one (--package, Word written by LibreOffice)", () => {
  const pkg = packaged.json.packages![0]!;

  it("reports the package with its files, body first", () => {
    expect(packaged.stderr).toBe("");
    expect(packaged.json.packages).toHaveLength(1);
    expect(pkg.name).toBe("調達一式");
    expect(pkg.files).toEqual(DOCX);
    expect(packaged.json.files.map((f) => f.uri).sort()).toEqual([...DOCX].sort());
  });

  it.each([
    ["policy-compliance", "body.docx", "発注者の情報セキュリティポリシーを遵守すること"],
    ["confidentiality", "body.docx", "第三者に漏らしてはならず"],
    ["incident-report", "annex1-security.docx", "1時間以内に担当職員へ"],
    ["data-deletion", "annex1-security.docx", "復元不可能な方法で抹消すること"],
    ["subcontract-approval", "annex1-security.docx", "再委託してはならない"],
    ["patch-latest", "requirements.docx", "最新のセキュリティパッチを適用した状態で納入すること"],
    ["log-collection", "requirements.docx", "ログとして取得すること"],
    ["sec-section-present", "annex1-security.docx", "別紙1 情報セキュリティに関する特記事項"],
  ])("%s is present, satisfied by %s", (rule, file, words) => {
    const c = pkg.coverage[rule]!;
    expect(c.status).toBe("present");
    expect(c.evidence!.uri).toBe(file);
    expect(c.evidence!.paragraph).toBe(c.evidence!.line);
    expect(c.evidence!.sectionPath[0]).toBe(TITLES[file]);
    expect(c.evidence!.text).toContain(words);
  });

  it("gives the place as a reader of that file finds it: Word numbering and the chapter", () => {
    const e = pkg.coverage["incident-report"]!.evidence!;
    expect([e.label, e.sectionPath]).toEqual(["1.", ["別紙1 情報セキュリティに関する特記事項", "1. インシデントへの対処"]]);
    expect(pkg.coverage["log-collection"]!.evidence!.sectionPath).toEqual(["文書管理システム 要件定義書", "1. 情報セキュリティ要件", "(2) ログ管理"]);
  });

  it("from the body alone, the annex's clauses are absent and those it leaves to the missing 要件定義書 partial", () => {
    const alone = bodyAlone.json.files[0]!.coverage as Record<string, { status: string; why?: string }>;
    for (const rule of ["incident-report", "data-deletion"]) expect(alone[rule]!.status).toBe("absent");
    for (const rule of ["patch-latest", "log-collection"]) {
      expect([alone[rule]!.status, alone[rule]!.why]).toEqual(["partial", "annex-not-supplied"]);
    }
    expect(bodyAlone.json.packages).toBeUndefined();
  });

  it("resolves the body's references to 別紙1 and 要件定義書 across the files", () => {
    const alone = bodyAlone.json.files[0]!.findings.filter((f) => f.ruleId === "referenced-not-provided");
    expect(alone.map((f) => f.excerpt)).toEqual([
      expect.stringContaining("要件定義書に定めるとおり"), expect.stringContaining("別紙1「情報セキュリティに関する特記事項」のとおり")]);
    for (const f of DOCX) expect(rulesOf(packaged.json, f)).not.toContain("referenced-not-provided");
  });

  it("missing-section accepts the security chapter and the 再委託 clause supplied by the annex", () => {
    expect(rulesOf(bodyAlone.json, "body.docx").filter((r) => r === "missing-section")).toHaveLength(2);
    for (const f of DOCX) expect(rulesOf(packaged.json, f)).not.toContain("missing-section");
  });

  it("findings still point at the file and paragraph where they are", async () => {
    const alone = (await lintJson(["requirements.docx"])).json.files[0]!.findings.find((f) => f.ruleId === "undefined-deadline")!;
    const inPackage = packaged.json.files.find((f) => f.uri === "requirements.docx")!.findings.find((f) => f.ruleId === "undefined-deadline")!;
    expect(inPackage.location).toEqual(alone.location);
    expect(inPackage.excerpt).toBe(alone.excerpt);
  });

  it("the same package in Markdown gives the same files for the same clauses", async () => {
    const md = (await lintJson(["--package", "調達一式", "body.md", "annex1-security.md", "requirements.md"])).json.packages![0]!;
    for (const [rule, c] of Object.entries(pkg.coverage)) {
      expect([rule, md.coverage[rule]!.status, md.coverage[rule]!.evidence?.uri.replace(/\.md$/, ".docx") ?? null])
        .toEqual([rule, c.status, c.evidence?.uri ?? null]);
    }
  });
});

describe("packages: in the config", () => {
  it("a linted member brings the whole package; files and globs are relative to the config", async () => {
    const dir = tempDir("cl-pkg-");
    for (const f of DOCX) fs.copyFileSync(path.join(PKG, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, ".chotatsu-lint.yaml"), "packages:\n  - name: 調達一式\n    files: [body.docx, \"annex*.docx\", requirements.docx]\n");
    const { json, stderr } = await lintJson(["body.docx"], dir);
    expect(stderr).toBe("");
    expect(json.packages!.map((p) => [p.name, p.files])).toEqual([["調達一式", DOCX]]);
    expect(json.packages![0]!.coverage["incident-report"]!.evidence!.uri).toBe("annex1-security.docx");
    expect(rulesOf(json, "body.docx")).not.toContain("referenced-not-provided");
  });

  it("a bad packages: entry is a config error (exit 2)", async () => {
    const dir = tempDir("cl-pkg-");
    fs.writeFileSync(path.join(dir, ".chotatsu-lint.yaml"), "packages:\n  - name: x\n");
    fs.writeFileSync(path.join(dir, "a.md"), "# 仕様書\n");
    const run = await runInProcess(["a.md"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("files");
  });
});

describe("a folder whose files name each other is offered as a package", () => {
  const dir = tempDir("cl-pkg-");
  for (const f of ["body.md", "annex1-security.md", "requirements.md"]) fs.copyFileSync(path.join(PKG, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, "other.md"), "# 別の調達仕様書\n\n受注者は、機器を納入すること。\n");

  it("as a suggestion in JSON, body first, with the links; not merged", async () => {
    const { json } = await lintJson(["."], dir);
    expect(json.packages).toBeUndefined();
    expect(json.suggestedPackages).toEqual([{
      folder: ".", files: ["body.md", "annex1-security.md", "requirements.md"],
      links: [{ from: "body.md", to: "annex1-security.md", name: "別紙1" }, { from: "body.md", to: "requirements.md", name: "要件定義書" }],
    }]);
    expect(rulesOf(json, "body.md")).toContain("referenced-not-provided");
  });

  it("as a line in stylish naming the --package command", async () => {
    const run = await runInProcess(["."], { cwd: dir });
    expect(run.stdout).toContain("パッケージ候補 .: body.md annex1-security.md requirements.md は互いを別紙等として参照しています（body.md → annex1-security.md「別紙1」、body.md → requirements.md「要件定義書」）。");
    expect(run.stdout).toContain("--package 名前 body.md annex1-security.md requirements.md");
  });

  it("never for a single file, nor for unrelated specs that cite some 要件定義書", async () => {
    expect((await lintJson(["body.md"], dir)).json.suggestedPackages).toBeUndefined();
    const two = tempDir("cl-pkg-");
    fs.writeFileSync(path.join(two, "a.md"), "# 仕様書A\n\n詳細は要件定義書のとおりとする。\n");
    fs.writeFileSync(path.join(two, "b.md"), "# 仕様書B\n\n詳細は要件定義書のとおりとする。\n");
    fs.writeFileSync(path.join(two, "c.md"), "# ○○システム 要件定義書\n\n受注者は、ログを取得すること。\n");
    expect((await lintJson(["."], two)).json.suggestedPackages).toBeUndefined();
  });
});

describe("every format shows the package view", () => {
  const args = ["--package", "調達一式", ...DOCX];
  it("stylish: each clause with the file that satisfies it", async () => {
    const out = (await runInProcess(args, { cwd: PKG })).stdout;
    expect(out).toContain("パッケージ 調達一式（3 ファイル: body.docx, annex1-security.docx, requirements.docx）");
    expect(out).toMatch(/あり {2}incident-report {2}情報セキュリティインシデントの報告義務 {2}annex1-security\.docx 段落 \d+/);
    expect(out).toMatch(/条項 \d+ 件: あり \d+、不足 \d+、なし \d+（適用外 \d+）/);
  });

  it("sarif: the package coverage in the run's properties", async () => {
    const sarif = JSON.parse((await runInProcess(["--format", "sarif", ...args], { cwd: PKG })).stdout);
    const p = sarif.runs[0].properties.packages[0];
    expect(p.files).toEqual(DOCX);
    expect(p.coverage["patch-latest"].evidence.uri).toBe("requirements.docx");
  });

  it("junit: a testsuite for the package, a failing case per missing clause", async () => {
    const xml = (await runInProcess(["--format", "junit", ...args], { cwd: PKG })).stdout;
    expect(xml).toContain('<testsuite name="パッケージ 調達一式（3 ファイル: body.docx, annex1-security.docx, requirements.docx）"');
    expect(xml).toMatch(/<testcase name="incident-report: 情報セキュリティインシデントの報告義務" classname="調達一式"><system-out>annex1-security\.docx 段落 \d+ 1\.（別紙1 情報セキュリティに関する特記事項 &gt; 1\. インシデントへの対処）<\/system-out><\/testcase>/);
    expect(xml).toMatch(/<testcase name="monitoring: [^"]+" classname="調達一式">\n\s*<failure type="absent"/);
  });

  it("html: a package section with the satisfying file", async () => {
    const dir = tempDir("cl-pkg-");
    const out = path.join(dir, "r.html");
    await runInProcess(["--format", "html", "-o", out, ...args], { cwd: PKG });
    const html = fs.readFileSync(out, "utf8");
    expect(html).toContain("<h3>パッケージ 調達一式（3 ファイル: body.docx, annex1-security.docx, requirements.docx）</h3>");
    expect(html).toMatch(/<tr class="st-present"><td><code>data-deletion<\/code><\/td>.*annex1-security\.docx 段落 \d+/);
    // Each member's draft, rendered by the worker that read it.
    expect(html.match(/<div class="draft"/g)).toHaveLength(3);
  });

  it("a single-file run has no package keys in JSON", () => {
    expect(Object.keys(bodyAlone.json)).toEqual(["tool", "files", "summary"]);
  });
});
