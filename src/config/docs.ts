// docs/rules/<ruleset>.md rendered from a loaded ruleset: the ruleset is the one source of truth.
import { stringify } from "yaml";
import { t } from "../i18n/index.js";
import type { ConditionExpr, ExampleSpec, ResolvedConfig, ResolvedRule, RulesetDef } from "../model/ruleset.js";

const both = (id: string) => `${t(id, {}, "ja")} / ${t(id, {}, "en")}`;
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (s: string) => "`" + s.replace(/`/g, "'") + "`";

/** Markdown for `ruleset` (one of `config.rulesets`), using the resolved config for its rules and vocabulary. */
export function renderRulesetDoc(config: ResolvedConfig, ruleset: RulesetDef, fileLabel: string): string {
  const rules = [...config.rules, ...config.disabled]
    .filter((r) => r.rulesetId === ruleset.id)
    .sort((a, b) => a.origin.line - b.origin.line);
  const out: string[] = [];
  out.push(`# ${ruleset.title} (${code(ruleset.id)})`, "");
  out.push(`<!-- ${t("config.docs.generated", { file: fileLabel }, "ja")} -->`);
  out.push(`<!-- ${t("config.docs.generated", { file: fileLabel }, "en")} -->`, "");
  if (ruleset.extends) out.push(`${both("config.docs.extends")}: ${code(ruleset.extends)}`, "");

  out.push(`## ${both("config.docs.index")}`, "");
  out.push(`| ${t("config.docs.id", {}, "en")} | ${both("config.docs.severity")} | ${both("config.docs.kind")} | ${both("config.docs.title")} |`);
  out.push("|---|---|---|---|");
  for (const r of rules) out.push(`| [${code(r.id)}](#${r.id}) | ${r.severity} | ${r.kind} | ${cell(r.title)} |`);
  out.push("");

  for (const r of rules) out.push(...renderRule(r), "");

  const termNames = Object.keys(ruleset.terms);
  if (termNames.length > 0) {
    out.push(`## ${both("config.docs.terms")}`, "", "| $name | |", "|---|---|");
    for (const n of termNames) out.push(`| ${code("$" + n)} | ${cell(ruleset.terms[n]!.map(code).join(", "))} |`);
    out.push("");
  }
  const condNames = Object.keys(ruleset.conditions);
  if (condNames.length > 0) {
    out.push(`## ${both("config.docs.conditions")}`, "", "| | |", "|---|---|");
    for (const n of condNames) out.push(`| ${code(n)} | ${cell(code(JSON.stringify(ruleset.conditions[n])))} |`);
    out.push("");
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

function renderRule(r: ResolvedRule): string[] {
  const out: string[] = [];
  out.push(`<a id="${r.id}"></a>`, "", `### ${code(r.id)} ${r.title}`, "");
  if (r.titleEn) out.push(`*${r.titleEn}*`, "");
  out.push(`- ${both("config.docs.severity")}: ${r.severity}`);
  out.push(`- ${both("config.docs.kind")}: ${r.kind}`);
  out.push(`- ${both("config.docs.source")}: ${r.source}`);
  out.push(`- ${both("config.docs.appliesWhen")}: ${r.appliesWhen === undefined ? both("config.docs.always") : condition(r.appliesWhen)}`);
  if (r.section?.length) out.push(`- ${both("config.docs.section")}: ${r.section.join(", ")}`);
  out.push("", `**${both("config.docs.message")}**`, "", `> ${r.message}`, ...(r.messageEn ? [">", `> ${r.messageEn}`] : []));
  if (r.why) out.push("", `**${both("config.docs.why")}**`, "", r.why.trim());
  out.push("", `**${both("config.docs.contains")}**`, "", ...contents(r));
  if (r.suggestion) out.push("", `**${both("config.docs.template")}**`, "", ...r.suggestion.trim().split("\n").map((l) => `> ${l}`));
  for (const [key, label] of [["good", "config.docs.good"], ["bad", "config.docs.bad"]] as const) {
    const list = r.examples?.[key];
    if (list?.length) out.push("", `**${both(label)}**`, "", ...list.map(example));
  }
  return out;
}

function condition(e: ConditionExpr): string {
  if (typeof e === "string") return code(e);
  if ("any" in e) return `any(${e.any.map(condition).join(", ")})`;
  if ("all" in e) return `all(${e.all.map(condition).join(", ")})`;
  return `not(${condition(e.not)})`;
}

function example(e: ExampleSpec): string {
  const text = typeof e === "string" ? e : e.text;
  const pin = typeof e === "string" ? "" : [e.status, e.count === undefined ? undefined : `count ${e.count}`].filter(Boolean).join(", ");
  return `- ${text.trim().replace(/\n+/g, " ⏎ ")}${pin ? ` (${pin})` : ""}`;
}

interface Spec { all?: string[]; any?: string[]; none?: string[]; within?: string; obligation?: boolean }

function spec(s: Spec): string {
  const parts: string[] = [];
  if (s.all?.length) parts.push(`${both("config.docs.allOf")}: ${s.all.map(code).join(" ")}`);
  if (s.any?.length) parts.push(`${both("config.docs.anyOf")}: ${s.any.map(code).join(" ")}`);
  if (s.none?.length) parts.push(`${both("config.docs.noneOf")}: ${s.none.map(code).join(" ")}`);
  parts.push(`${both("config.docs.within")}: ${s.within ?? "sentence"}`);
  if (s.obligation) parts.push(both("config.docs.obligation"));
  return parts.join("; ");
}

/** A require rule reads as its elements and present-condition; other kinds show their parameters. */
function contents(r: ResolvedRule): string[] {
  const p = r.params as { match?: Spec; elements?: Record<string, Spec>; present?: unknown; topic?: Spec; elementLabels?: Record<string, { ja?: string; en?: string } | string> };
  if (r.kind === "require" && (p.match || p.elements)) {
    const elements = p.elements ?? { match: p.match! };
    const label = (name: string) => {
      const l = p.elementLabels?.[name];
      return typeof l === "string" ? l : l ? [l.ja, l.en].filter(Boolean).join(" / ") : "";
    };
    const out = Object.entries(elements).map(([name, s]) => `- ${code(name)}${label(name) ? ` (${label(name)})` : ""}: ${spec(s)}`);
    if (p.present !== undefined) out.push(`- ${both("config.docs.presentWhen")}: ${code(JSON.stringify(p.present))}`);
    if (p.topic) out.push(`- ${both("config.docs.topic")}: ${spec(p.topic)}`);
    return out;
  }
  return ["```yaml", stringify(r.params, { lineWidth: 0 }).trimEnd(), "```"];
}
