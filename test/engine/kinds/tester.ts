// A kind's tests in the manner of ESLint's RuleTester: one small rule of the kind, texts on which it
// stays silent, and texts on which it fires with each finding's exact span (line:column-endLine:endColumn)
// and message. The rule is built from data, as a ruleset would write it; the kind never sees the format.
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/index.js";
import type { ResolvedConfig } from "../../../src/model/ruleset.js";
import type { Finding } from "../../../src/model/finding.js";
import { config, md, type RuleInput } from "../helpers.js";

export interface KindCase {
  name: string;
  text: string;
  /** Parameters merged over the suite's (shallowly). */
  params?: Record<string, unknown>;
}
export interface FiringCase extends KindCase {
  /** Every finding of the rule, in document order. */
  findings: { at: string; message?: string }[];
}

export interface KindSuite {
  /** The rule under test: id, message template and base parameters. */
  rule: Omit<RuleInput, "kind"> & { params: Record<string, unknown> };
  /** Terms, conditions or rulesets the rule refers to. */
  config?: Partial<ResolvedConfig>;
  silent: KindCase[];
  firing: FiringCase[];
}

/** `line:column-endLine:endColumn` of a finding, as examples' `at:` writes it. */
export function span(f: Finding): string {
  const l = f.location;
  return l ? `${l.line}:${l.column}-${l.endLine}:${l.endColumn}` : "document";
}

function run(kind: string, suite: KindSuite, c: KindCase): Finding[] {
  const rule = { ...suite.rule, kind, params: { ...suite.rule.params, ...c.params } };
  return lintDocument(md(c.text), config([rule], suite.config ?? {})).findings.filter((f) => f.ruleId === rule.id);
}

export function testKind(kind: string, suite: KindSuite): void {
  describe(`kind ${kind}`, () => {
    for (const c of suite.silent) {
      it(`is silent: ${c.name}`, () => expect(run(kind, suite, c).map((f) => `${span(f)} ${f.message}`)).toEqual([]));
    }
    for (const c of suite.firing) {
      it(`fires: ${c.name}`, () => {
        const got = run(kind, suite, c);
        expect(got.map(span)).toEqual(c.findings.map((f) => f.at));
        c.findings.forEach((want, i) => { if (want.message !== undefined) expect(got[i]!.message).toBe(want.message); });
      });
    }
  });
}
