// lintDocument: resolved rules × one document → findings and require-rule coverage.
import type { SpecDocument } from "../model/document.js";
import type { Coverage, Finding } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import { ConfigError } from "../model/config-error.js";
import type { ResolvedConfig, ResolvedRule } from "../model/ruleset.js";
import { createContext, sha1Short, type EngineContext } from "./context.js";
import { evaluateApplies, evaluateCondition } from "./conditions.js";
import { applySuppressions } from "./suppress.js";
import { kindRegistry, kindTerms } from "./kinds/index.js";
import { compareFindings } from "../model/order.js";

export interface LintOptions {
  requireReason?: boolean;
  locale?: Locale;
  /**
   * The file name fingerprints are made from, when it differs from `doc.uri`: the CLI passes the path
   * relative to the project folder, so a fingerprint does not change with the folder the linter runs in.
   */
  fingerprintUri?: string;
}
export interface LintResult { findings: Finding[]; coverage: Record<string, Coverage> }

/** Options of the internal check, used by examples.ts. */
export interface CheckOptions {
  locale?: Locale;
  /** Only these rules. */
  only?: ReadonlySet<string>;
  /** Judge and report every rule as if appliesWhen held. */
  ignoreApplies?: boolean;
}

function conditionsOf(config: ResolvedConfig) {
  return (ctx: EngineContext): Record<string, boolean> => {
    const out: Record<string, boolean> = {};
    for (const [name, def] of Object.entries(config.conditions)) out[name] = evaluateCondition(def, ctx.hits);
    return out;
  };
}

/** Run the rules' kinds on a document: unsuppressed, unsorted findings and coverage. */
export function checkDocument(doc: SpecDocument, config: ResolvedConfig, opts: CheckOptions = {}): LintResult & { ctx: EngineContext } {
  const locale = opts.locale ?? config.locale ?? "ja";
  const ctx = createContext(doc, config, locale, kindTerms, conditionsOf(config));
  const findings: Finding[] = [];
  const coverage: Record<string, Coverage> = {};
  for (const rule of config.rules) {
    if (opts.only && !opts.only.has(rule.id)) continue;
    const kind = kindRegistry[rule.kind];
    if (!kind) throw new ConfigError("engine.kind.unknown", { rule: rule.id, kind: rule.kind }, rule.origin.file, rule.origin.line, rule.origin.column);
    const applies = opts.ignoreApplies ? true : evaluateApplies(rule, rule.appliesWhen, ctx.conditions);
    const result = kind.check(ctx, rule, applies);
    if (result.coverage) coverage[rule.id] = { ...result.coverage, applies };
    if (applies) findings.push(...result.findings);
  }
  return { findings, coverage, ctx };
}

/** Lint one document: kinds, reader notices, suppression; findings in the one order of model/order.ts. */
export function lintDocument(doc: SpecDocument, config: ResolvedConfig, opts: LintOptions = {}): LintResult {
  const locale = opts.locale ?? config.locale ?? "ja";
  const fpUri = opts.fingerprintUri ?? doc.uri;
  const { findings, coverage } = checkDocument(fpUri === doc.uri ? doc : { ...doc, uri: fpUri }, config, { locale });
  for (const n of doc.notices) {
    const f: Finding = {
      ruleId: "unseen-content", severity: "warning", uri: doc.uri,
      message: t("unseen-content", { what: n.what, count: n.count }, locale),
      fingerprint: sha1Short(`unseen-content\n${fpUri}\n${n.what}`),
    };
    if (n.location) f.location = n.location;
    findings.push(f);
  }
  const all = applySuppressions(findings, doc.directives, fpUri,
    { requireReason: opts.requireReason, locale });
  for (const f of all) f.uri = doc.uri;
  all.sort(compareFindings);
  return { findings: all, coverage };
}

export type { ResolvedRule };
