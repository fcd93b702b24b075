import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error: plain ESM script without type declarations
import * as evalScript from "../../scripts/eval.mjs";

interface Expected { coverage: Record<string, string>; defects: Record<string, number>; problems: string[] }
interface CorpusDoc { name: string; docPath: string; expectedPath: string }
interface EvalResult {
  files: number;
  agreement: number;
  defectTotals: { tp: number; fp: number; fn: number; precision: number; recall: number };
  disagreements: { file: string; rule: string; expected: string; actual: string }[];
  defectMismatches: { file: string; defect: string; expected: number; actual: number }[];
  fileErrors: { file: string; error: { code: string; message?: string } }[];
}

const ev = evalScript as {
  RULE_IDS: string[];
  DEFECT_IDS: string[];
  THRESHOLDS: { agreement: number; precision: number; recall: number };
  listCorpus(dir: string): CorpusDoc[];
  loadExpected(p: string): Expected;
  compare(items: { name: string; expected: Expected; actual: unknown }[]): EvalResult;
  runEval(opts?: { corpusDir?: string }): Promise<EvalResult>;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const corpusDir = path.join(root, "fixtures/corpus");
const docs = ev.listCorpus(corpusDir);

describe("labelled corpus", () => {
  it("has at least 30 documents, at least 10 of them Word files", () => {
    expect(docs.length).toBeGreaterThanOrEqual(30);
    expect(docs.filter((d) => d.docPath.endsWith(".docx")).length).toBeGreaterThanOrEqual(10);
  });

  it("knows the 36 clause rules of rules.md §3", () => {
    const rulesMd = path.resolve(root, "../shared/reference/rules.md");
    expect(ev.RULE_IDS).toHaveLength(36);
    if (existsSync(rulesMd)) {
      const ids = [...readFileSync(rulesMd, "utf8").matchAll(/^\*\*\d+\. `([a-z-]+)`\*\*/gm)].map((m) => m[1]);
      expect(ids).toEqual(ev.RULE_IDS);
    }
  });

  it.each(docs.map((d) => [d.name, d] as const))("%s: expected file lists all 36 rules with valid statuses and known defects", (_n, d) => {
    const e = ev.loadExpected(d.expectedPath);
    expect(e.problems).toEqual([]);
    expect(Object.keys(e.coverage).sort()).toEqual([...ev.RULE_IDS].sort());
  });

  it("every Word file has its Markdown source in src/", () => {
    for (const d of docs.filter((x) => x.docPath.endsWith(".docx"))) {
      expect(existsSync(path.join(corpusDir, "src", `${d.name}.md`)), d.name).toBe(true);
    }
  });

  it("rejects an expected file that breaks the contract", () => {
    const bad = path.join(root, "test/eval/fixtures/bad.expected.yaml");
    const e = ev.loadExpected(bad);
    expect(e.problems).toEqual(expect.arrayContaining([
      "coverage lacks policy-compliance",
      'coverage.security-org has invalid status "yes"',
      "unknown defect id vagueness",
      "defects.placeholder-left must be a positive integer",
    ]));
  });
});

describe("comparison", () => {
  const full = (s: string) => Object.fromEntries(ev.RULE_IDS.map((id) => [id, s]));
  it("scores statuses and defect counts (TP = min per file and id)", () => {
    const expected = { coverage: full("absent"), defects: { "vague-obligation": 2, "placeholder-left": 1 }, problems: [] };
    const coverage = Object.fromEntries(ev.RULE_IDS.map((id) => [id, { status: "absent" }]));
    coverage["patch-latest"] = { status: "partial" };
    const actual = {
      coverage,
      findings: [
        { ruleId: "vague-obligation" }, { ruleId: "vague-obligation" }, { ruleId: "vague-obligation" },
        { ruleId: "placeholder-left", suppressed: { kind: "inline" } },
        { ruleId: "patch-latest", status: "partial" },
      ],
    };
    const r = ev.compare([{ name: "a.md", expected, actual }]);
    expect(r.agreement).toBeCloseTo(35 / 36);
    expect(r.disagreements).toEqual([{ file: "a.md", rule: "patch-latest", expected: "absent", actual: "partial", missing: [] }]);
    expect(r.defectTotals).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(r.defectTotals.precision).toBeCloseTo(2 / 3);
    expect(r.defectTotals.recall).toBeCloseTo(2 / 3);
  });
});

describe("linter against the labelled corpus", () => {
  const built = existsSync(path.join(root, "dist/cli/main.js"));
  it("reaches ≥95% exact status agreement and ≥90% defect precision and recall", async () => {
    expect(built, "dist/ is missing: run `npm run build` before the tests").toBe(true);
    const r = await ev.runEval({ corpusDir });
    const summary = `agreement ${(r.agreement * 100).toFixed(1)}%, defect P ${(r.defectTotals.precision * 100).toFixed(1)}% `
      + `R ${(r.defectTotals.recall * 100).toFixed(1)}%; ${r.disagreements.length} status disagreements; `
      + `file errors: ${r.fileErrors.map((e) => `${e.file}:${e.error.code}`).join(", ") || "none"}`;
    expect(r.files, summary).toBe(docs.length);
    expect(r.fileErrors, summary).toEqual([]);
    expect(r.agreement, summary).toBeGreaterThanOrEqual(ev.THRESHOLDS.agreement);
    expect(r.defectTotals.precision, summary).toBeGreaterThanOrEqual(ev.THRESHOLDS.precision);
    expect(r.defectTotals.recall, summary).toBeGreaterThanOrEqual(ev.THRESHOLDS.recall);
  }, 600_000);
});
