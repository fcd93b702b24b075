// require `present` choosing its combination by a document condition ({ if, then, else }).
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { lintDocument } from "../../../src/engine/index.js";
import { evaluatePresent, presentElements, type PresentExpr } from "../../../src/engine/kinds/require.js";
import { resolveRulesetAsConfig, ConfigError } from "../../../src/config/index.js";
import { compileSchema } from "../../../src/config/validate.js";
import { rulesetSchema } from "../../../src/config/schema.js";
import { defaultKinds } from "../../../src/config/kinds.js";
import { config, md } from "../helpers.js";
import { tempDir } from "../../temp.js";

const supply = config([{
  id: "supply-chain", kind: "require", appliesWhen: "outsourcing",
  params: {
    elements: {
      disclosure: { all: ["資本関係"], any: ["国籍"], within: "block" },
      "unintended-change": { any: ["意図せざる変更"], within: "sentence" },
    },
    present: { if: { any: ["dev", "devices"] }, then: { all: ["disclosure", "unintended-change"] }, else: "disclosure" },
    elementLabels: { "unintended-change": "意図せざる変更" },
  },
}], {
  conditions: {
    outsourcing: { any: ["受注者"] },
    dev: { any: ["設計・開発", "構築"], minHits: 2 },
    devices: { any: ["機器等"], minHits: 2 },
  },
});

const disclosure = "受注者は、資本関係・役員等の情報及び従事者の国籍に関する情報を提供すること。";
const change = "受注者は、納入物に意図せざる変更が加えられないための管理体制を整備すること。";

describe("present: if / then / else", () => {
  it("a service is complete with the disclosure alone", () => {
    const r = lintDocument(md(`# 調査研究業務\n\n${disclosure}\n`), supply);
    expect(r.coverage["supply-chain"]).toEqual({ status: "present", applies: true, missing: [], evidence: { line: 3, text: disclosure } });
    expect(r.findings).toEqual([]);
  });

  it("a system build needs both; only the element its branch asks for is missing", () => {
    const r = lintDocument(md(`# システムの設計・開発及び構築\n\n${disclosure}\n`), supply);
    expect(r.coverage["supply-chain"]).toEqual({ status: "partial", applies: true, missing: ["意図せざる変更"], why: "elements-missing", evidence: { line: 3, text: disclosure } });
    expect(r.findings.map((f) => [f.status, f.message, f.location])).toEqual([
      ["partial", "supply-chain: 意図せざる変更", { line: 3, column: 6, endLine: 3, endColumn: 10, region: "body" }],
    ]);
    const both = lintDocument(md(`# システムの設計・開発及び構築\n\n${disclosure}\n\n${change}\n`), supply);
    expect(both.coverage["supply-chain"]!.status).toBe("present");
  });

  it("a service missing the disclosure lists only the disclosure", () => {
    const r = lintDocument(md(`# 調査研究業務\n\n${change}\n`), supply);
    expect(r.coverage["supply-chain"]).toMatchObject({ status: "partial", missing: ["disclosure"] });
  });

  it("nests inside all / any / atLeast and evaluates conditions lazily per branch", () => {
    const expr: PresentExpr = { atLeast: 1, of: [{ if: "a", then: { all: ["x", "y"] }, else: { if: { not: "b" }, then: "y", else: "z" } }] };
    const seen: string[] = [];
    const cond = (values: Record<string, boolean>) => (c: unknown) => {
      const name = typeof c === "string" ? c : (c as { not: string }).not;
      seen.push(name);
      return typeof c === "string" ? values[name]! : !values[name]!;
    };
    expect(evaluatePresent(expr, (n) => n === "y", cond({ a: true, b: false }))).toBe(false);
    expect(seen).toEqual(["a"]);
    expect(evaluatePresent(expr, (n) => n === "y", cond({ a: false, b: false }))).toBe(true);
    expect([...presentElements(expr, cond({ a: false, b: true }))]).toEqual(["z"]);
    expect([...presentElements(expr, cond({ a: true, b: true }))]).toEqual(["x", "y"]);
  });

  it("is validated by the schema, and an unknown condition name is a config error with its line", async () => {
    const dir = tempDir("chotatsu-present-if-");
    const head = "id: r\ntitle: r\nconditions:\n  dev: { any: [開発] }\nrules:\n";
    const rule = (present: string) =>
      `  - id: x\n    kind: require\n    severity: error\n    title: t\n    message: m\n    messageEn: m\n    source: s\n` +
      `    elements: { a: { any: [甲] }, b: { any: [乙] } }\n    present: ${present}\n`;
    writeFileSync(join(dir, "ok.yaml"), head + rule("{ if: { not: dev }, then: a, else: { all: [a, b] } }"));
    const ok = await resolveRulesetAsConfig(join(dir, "ok.yaml"));
    expect(lintDocument(md("甲。\n"), ok).coverage.x!.status).toBe("present");
    expect(lintDocument(md("甲。開発。\n"), ok).coverage.x).toMatchObject({ status: "partial", missing: ["b"] });

    writeFileSync(join(dir, "unknown.yaml"), head + rule("{ if: devv, then: a, else: b }"));
    const e1 = await resolveRulesetAsConfig(join(dir, "unknown.yaml")).catch((x: unknown) => x) as ConfigError;
    expect(e1).toBeInstanceOf(ConfigError);
    expect(e1.errors.map((x) => [x.messageId, x.params.name, x.line])).toEqual([["config.condition.undefined", "devv", 14]]);

    writeFileSync(join(dir, "noelse.yaml"), head + rule("{ if: dev, then: a }"));
    const e2 = await resolveRulesetAsConfig(join(dir, "noelse.yaml")).catch((x: unknown) => x) as ConfigError;
    expect(e2.errors.map((x) => [x.messageId, x.params.key, x.line])).toEqual([["config.schema.required", "else", 14]]);
  });

  it("the published schema defines present once and refers to it", async () => {
    const schema = rulesetSchema(await defaultKinds()) as { definitions: Record<string, unknown> };
    expect(schema.definitions["kind-require-present"]).toBeDefined();
    const text = JSON.stringify(schema);
    expect(text.split('"required":["if","then","else"]').length - 1).toBe(1);
    const validate = compileSchema(schema);
    const base = { id: "r", title: "r", rules: [{ id: "x", kind: "require", severity: "error", title: "t", message: "m", messageEn: "m", source: "s", elements: { a: {} } }] };
    const deep = { all: [{ any: [{ atLeast: 1, of: [{ all: [{ if: "c", then: { any: ["a"] }, else: "a" }] }] }] }] };
    expect(validate({ ...base, rules: [{ ...base.rules[0], present: deep }] })).toBe(true);
    expect(validate({ ...base, rules: [{ ...base.rules[0], present: { if: "c", then: "a", else: "a", extra: 1 } }] })).toBe(false);
  });
});
