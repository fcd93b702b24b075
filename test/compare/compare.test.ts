// `chotatsu-lint compare` through the built CLI on two editions of one spec (fixtures/editions/):
// the 令和7年度 edition lost the 抹消 clause, weakened log retention (5年間 → 1年間) and dropped the
// number of the first incident report (1時間以内 → 直ちに); it gained a proper 再委託 clause.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { ensureBuilt, ROOT, runCli } from "../bad-input/harness.js";
import { tempDir } from "../temp.js";

// Built now, not in beforeAll: the runs below happen while the tests are collected.
ensureBuilt();

const ED = "fixtures/editions";

interface ChangeJson {
  ruleId: string; kind: string; direction: string; check: string | null; severity: string;
  old: { status: string | null; value: string | null; place: { uri: string; line: number; paragraph: number | null; label: string | null; sectionPath: string[] } | null };
  new: { status: string | null; value: string | null; place: { uri: string; line: number; paragraph: number | null; label: string | null; sectionPath: string[] } | null };
}

function compareJson(oldFile: string, newFile: string) {
  const run = runCli(["compare", "--format", "json", oldFile, newFile], { cwd: ROOT });
  return { run, json: JSON.parse(run.stdout) as { regressions: ChangeJson[]; improvements: ChangeJson[]; clauses: { ruleId: string; old: { status: string }; new: { status: string } }[]; summary: Record<string, number> } };
}

const brief = (c: ChangeJson) => [c.ruleId, c.kind, c.check, c.old.status ?? c.old.value, c.new.status ?? c.new.value];

const EXPECTED_REGRESSIONS = [
  ["data-deletion", "status", null, "present", "partial"],
  ["threshold-short", "weaker", "log-retention", "5年間", "1年間"],
  ["threshold-short", "disappeared", "incident-first-report", "1時間以内", null],
];
const EXPECTED_IMPROVEMENTS = [["subcontract-approval", "status", null, "partial", "present"]];

describe.each([
  ["Markdown", "md"],
  ["Word (LibreOffice)", "docx"],
])("compare on %s", (_name, ext) => {
  const { run, json } = compareJson(`${ED}/spec-r6.${ext}`, `${ED}/spec-r7.${ext}`);

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

describe("compare across formats and outputs", () => {
  it("compares a Markdown edition with a Word one", () => {
    const { run, json } = compareJson(`${ED}/spec-r6.md`, `${ED}/spec-r7.docx`);
    expect(run.code).toBe(1);
    expect(json.regressions.map(brief)).toEqual(EXPECTED_REGRESSIONS);
  });

  it("exits 0 when nothing changed: the same edition in Markdown and in Word", () => {
    const same = runCli(["compare", `${ED}/spec-r7.md`, `${ED}/spec-r7.docx`], { cwd: ROOT });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("条項の後退・改善はありません。");
  });

  it("stylish names the change and both places in Japanese", () => {
    const r = runCli(["compare", `${ED}/spec-r6.docx`, `${ED}/spec-r7.docx`], { cwd: ROOT });
    expect(r.stdout).toContain("後退 3 件");
    expect(r.stdout).toContain("ログの保存期間が弱くなりました: 5年間 → 1年間");
    expect(r.stdout).toContain("インシデントの第一報の期限の数値がなくなりました: 1時間以内 → なし");
    expect(r.stdout).toMatch(/旧版: fixtures\/editions\/spec-r6\.docx 段落 \d+ 6\.（/);
    expect(r.stdout).toContain("✖ 後退 3 件（うちエラー 1 件）、改善 1 件");
  });

  it("--locale en", () => {
    const r = runCli(["compare", "--locale", "en", `${ED}/spec-r6.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    expect(r.stdout).toContain("log retention period weakened: 5年間 → 1年間");
  });

  it("sarif: one failing result per regression at its new place, the old place related", () => {
    const r = runCli(["compare", "--format", "sarif", `${ED}/spec-r6.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    const sarif = JSON.parse(r.stdout);
    const results = sarif.runs[0].results as { ruleId: string; level: string; kind: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.filter((x) => x.kind === "fail").map((x) => [x.ruleId, x.level])).toEqual([
      ["data-deletion", "error"], ["threshold-short", "warning"], ["threshold-short", "warning"]]);
    expect(results.filter((x) => x.kind === "pass").map((x) => x.ruleId)).toEqual(["subcontract-approval"]);
    expect(results[1]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: `${ED}/spec-r7.md` }, region: { startLine: 19 } });
    expect(results[1]!.relatedLocations[0]!.physicalLocation.artifactLocation.uri).toBe(`${ED}/spec-r6.md`);
  });

  it("html: a page with the changes and the clause table, values escaped", () => {
    const dir = tempDir("cl-compare-");
    const out = path.join(dir, "compare.html");
    const r = runCli(["compare", "--format", "html", "-o", out, `${ED}/spec-r6.docx`, `${ED}/spec-r7.docx`], { cwd: ROOT });
    expect(r.code).toBe(1);
    const html = fs.readFileSync(out, "utf8");
    expect(html).toContain("<h1>版の比較: fixtures/editions/spec-r6.docx → fixtures/editions/spec-r7.docx</h1>");
    expect((html.match(/<tr class="regression">/g) ?? []).length).toBe(3);
    expect((html.match(/<tr class="improvement">/g) ?? []).length).toBe(1);
    expect(html).toContain("<code>data-deletion</code>");
  });

  it("usage errors exit 2 with one Japanese line", () => {
    const one = runCli(["compare", `${ED}/spec-r6.md`], { cwd: ROOT });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain("compare には旧版と新版の 2 つを指定してください");
    const fmt = runCli(["compare", "--format", "junit", `${ED}/spec-r6.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain("compare の出力形式は json, stylish, html, sarif のいずれかです（指定: junit）。");
  });

  it("an unreadable edition exits 2 naming the file and the reason, no stack trace", () => {
    const r = runCli(["compare", `${ED}/nope.md`, `${ED}/spec-r7.md`], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("fixtures/editions/nope.md: ファイルが見つかりません。\n");
  });
});
