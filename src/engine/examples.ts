// Run every rule's own examples: good ones must leave the rule silent (require: status present),
// bad ones must make it fire (require: partial/absent), or match a pinned status/count.
import { readMarkdown } from "../readers/markdown.js";
import { t, type Locale } from "../i18n/index.js";
import type { ExampleSpec, ResolvedConfig } from "./types.js";
import { checkDocument } from "./index.js";

export interface ExampleResult {
  ruleId: string;
  kind: "good" | "bad";
  /** 1-based position in the rule's good/bad list. */
  index: number;
  text: string;
  ok: boolean;
  /** Why it failed (or "as expected"), localised. */
  detail: string;
}

export interface ExampleOptions { locale?: Locale; rules?: readonly string[] }

function specOf(e: ExampleSpec): { text: string; status?: string; count?: number } {
  return typeof e === "string" ? { text: e } : e;
}

export function runExamples(config: ResolvedConfig, opts: ExampleOptions = {}): ExampleResult[] {
  const locale = opts.locale ?? config.locale ?? "ja";
  const wanted = opts.rules ? new Set(opts.rules) : undefined;
  const out: ExampleResult[] = [];
  for (const rule of config.rules) {
    if (wanted && !wanted.has(rule.id)) continue;
    for (const kind of ["good", "bad"] as const) {
      (rule.examples?.[kind] ?? []).forEach((raw, i) => {
        const ex = specOf(raw);
        const doc = readMarkdown(ex.text, `example:${rule.id}/${kind}/${i + 1}.md`);
        const { findings, coverage } = checkDocument(doc, config, { only: new Set([rule.id]), ignoreApplies: true, locale });
        const status = coverage[rule.id]?.status;
        const mine = findings.filter((f) => f.ruleId === rule.id);
        let ok: boolean;
        let detail: string;
        if (ex.status !== undefined && status !== undefined) {
          ok = status === ex.status;
          detail = ok ? t("example.ok", {}, locale) : t("example.status", { actual: status, expected: ex.status }, locale);
        } else if (ex.count !== undefined) {
          ok = mine.length === ex.count;
          detail = ok ? t("example.ok", {}, locale) : t("example.count", { actual: mine.length, expected: ex.count }, locale);
        } else if (kind === "good") {
          ok = status !== undefined ? status === "present" && mine.length === 0 : mine.length === 0;
          detail = ok ? t("example.ok", {}, locale)
            : t("example.good.fired", { detail: mine[0]?.message ?? (status ?? "") }, locale);
        } else {
          ok = status !== undefined ? status !== "present" : mine.length > 0;
          detail = ok ? t("example.ok", {}, locale) : t("example.bad.silent", {}, locale);
        }
        out.push({ ruleId: rule.id, kind, index: i + 1, text: ex.text, ok, detail });
      });
    }
  }
  return out;
}
