// `chotatsu-lint explain RULE`: what an officer needs to fix a finding — why the rule exists,
// where it comes from, what a compliant clause contains, and a clause to paste.
import type { ConditionExpr, ExampleSpec, ResolvedConfig, ResolvedRule } from "../../model/ruleset.js";
import { t, type Locale } from "../../i18n/index.js";
import { UsageError } from "../options.js";
import type { Io } from "../io.js";

interface ElementDef { all?: string[]; any?: string[]; none?: string[]; within?: string; obligation?: boolean }
type Labels = Record<string, { ja?: string; en?: string }>;

function condition(c: ConditionExpr): string {
  if (typeof c === "string") return c;
  if ("any" in c) return `any(${c.any.map(condition).join(", ")})`;
  if ("all" in c) return `all(${c.all.map(condition).join(", ")})`;
  return `not(${condition(c.not)})`;
}

/** `$patch` → 「セキュリティパッチ／修正プログラム／…」, so the officer sees the words, not the names. */
function term(entry: string, config: ResolvedConfig): string {
  if (!entry.startsWith("$")) return entry.startsWith("re:") ? `/${entry.slice(3)}/` : entry;
  const list = config.terms[entry.slice(1)];
  if (!list) return entry;
  const shown = list.slice(0, 4).map((e) => (e.startsWith("$") ? e : term(e, config)));
  return `「${shown.join("／")}${list.length > 4 ? "／…" : ""}」`;
}

function elements(rule: ResolvedRule, config: ResolvedConfig, locale: Locale): string[] {
  const p = rule.params as { elements?: Record<string, ElementDef>; match?: ElementDef; elementLabels?: Labels };
  const defs = p.elements ?? (p.match ? { match: p.match } : undefined);
  if (!defs) return [];
  return Object.entries(defs).map(([name, d]) => {
    // `match:` is the one-element shorthand: its generated name means nothing to a reader.
    const label = p.elementLabels?.[name]?.[locale] ?? (name === "match" ? "" : name);
    const parts: string[] = [];
    if (d.all?.length) parts.push(d.all.map((e) => term(e, config)).join(" + "));
    if (d.any?.length) parts.push((locale === "en" ? "one of " : "いずれか ") + d.any.map((e) => term(e, config)).join(" / "));
    if (d.obligation) parts.push(locale === "en" ? "(as an obligation)" : "（義務の形で）");
    return `  - ${label ? `${label}: ` : ""}${parts.join(" ")}`;
  });
}

/** What the other kinds check, in the officer's terms: bounds, forbidden words, required sections. */
function kindFacts(rule: ResolvedRule, config: ResolvedConfig, locale: Locale): string[] {
  const p = rule.params as {
    checks?: Record<string, { min?: string; max?: string; label?: Labels[string] }>;
    patterns?: string[]; qualifiers?: string[]; endings?: string[];
    sections?: Record<string, { any?: string[]; label?: Labels[string] }>;
  };
  const out: string[] = [];
  for (const [name, c] of Object.entries(p.checks ?? {})) {
    const label = c.label?.[locale] ?? name;
    if (c.min) out.push(`  - ${label} ≥ ${c.min}`);
    if (c.max) out.push(`  - ${label} ≤ ${c.max}`);
  }
  for (const [name, sct] of Object.entries(p.sections ?? {})) {
    out.push(`  - ${sct.label?.[locale] ?? name}: ${(sct.any ?? []).map((e) => term(e, config)).join(" / ")}`);
  }
  const words = [...(p.patterns ?? []), ...(p.qualifiers ?? []), ...(p.endings ?? [])];
  if (words.length) out.push(`  - ${words.map((e) => term(e, config)).join(" / ")}`);
  return [...new Set(out)];
}

function example(e: ExampleSpec): string {
  return typeof e === "string" ? e : e.text;
}

/**
 * The defining ruleset's examples, then those an overriding ruleset wrote for the rule as it overrode
 * it, each labelled with that ruleset: they show what the rule means in this configuration.
 */
function examples(r: ResolvedRule, locale: Locale): string[] {
  const sets = r.exampleSets ?? (r.examples ? [{ rulesetId: r.rulesetId, examples: r.examples }] : []);
  const out: string[] = [];
  for (const set of sets) {
    const from = set.rulesetId !== r.rulesetId;
    for (const [kind, mark] of [["good", "○"], ["bad", "×"]] as const) {
      const list = set.examples[kind] ?? [];
      if (!list.length) continue;
      const label = from ? t(`cli.explain.${kind}From`, { ruleset: set.rulesetId }, locale) : t(`cli.explain.${kind}`, {}, locale);
      out.push("", `${label}:`, ...list.map((e) => `  ${mark} ${example(e).replace(/\n/g, "\n    ")}`));
    }
  }
  return out;
}

export function runExplain(config: ResolvedConfig, id: string, locale: Locale, io: Io): number {
  const rule = config.rules.find((r) => r.id === id);
  const off = rule ? undefined : config.disabled.find((r) => r.id === id);
  const r = rule ?? off;
  if (!r) throw new UsageError("cli.explain.unknown", { id });
  const L = (k: string) => t(`cli.explain.${k}`, {}, locale);
  const out: string[] = [];
  out.push(`${r.id} — ${locale === "en" && r.titleEn ? r.titleEn : r.title}`);
  if (off) out.push(t("cli.explain.disabled", { reason: off.overrideReason ? `: ${off.overrideReason}` : "" }, locale));
  out.push("");
  out.push(`${L("severity")}: ${t(`cli.severity.${r.severity}`, {}, locale)}   ${L("kind")}: ${r.kind}   ${L("ruleset")}: ${r.rulesetId}`);
  if (r.why) out.push("", `${L("why")}:`, `  ${r.why.trim()}`);
  out.push("", `${L("source")}:`, ...r.source.split(/;\s*/).map((s) => `  - ${s}`));
  out.push("", `${L("appliesWhen")}: ${r.appliesWhen ? condition(r.appliesWhen) : L("always")}`);
  if (r.section?.length) out.push(`${L("section")}: ${r.section.join("、")}`);
  const el = elements(r, config, locale);
  if (el.length) out.push("", `${L("elements")}:`, ...el);
  const facts = kindFacts(r, config, locale);
  if (facts.length) out.push("", `${L(`checks.${r.kind}`)}:`, ...facts);
  out.push("", `${L("message")}:`, `  ${locale === "en" ? r.messageEn ?? r.message : r.message}`);
  if (r.suggestion) out.push("", `${L("suggestion")}:`, ...r.suggestion.trim().split("\n").map((s) => `  ${s}`));
  out.push(...examples(r, locale));
  io.out(out.join("\n") + "\n");
  return 0;
}
