// `chotatsu-lint test-ruleset FILE`: every rule's good and bad examples, pass/fail per example.
// How an agency checks its own rules before they are used (exit 1 when an example contradicts its rule).
import path from "node:path";
import { t, type Locale } from "../../i18n/index.js";
import type { Io } from "../io.js";

export async function runTestRuleset(cwd: string, file: string, o: { asOf?: string; locale: Locale }, io: Io): Promise<number> {
  const { resolveRulesetAsConfig } = await import("../../config/index.js");
  const { runExamples } = await import("../../engine/examples.js");
  const config = await resolveRulesetAsConfig(path.resolve(cwd, file), { asOf: o.asOf, locale: o.locale });
  const results = runExamples(config, { locale: o.locale });
  const out: string[] = [];
  for (const r of results) {
    const mark = r.ok ? t("cli.test.pass", {}, o.locale) : t("cli.test.fail", {}, o.locale);
    const text = r.text.replace(/\s+/g, " ").trim();
    const id = r.overriddenBy ? `${r.ruleId}@${r.overriddenBy}` : r.ruleId;
    out.push(`${mark}  ${id} ${r.kind}#${r.index}  ${Array.from(text).slice(0, 40).join("")}${Array.from(text).length > 40 ? "…" : ""}`);
    if (!r.ok) out.push(`      ${r.detail}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  // Information, not failure: rules without English are shown in Japanese with --locale en.
  const noEnglish = config.rules.filter((r) => !r.messageEn || !r.titleEn)
    .map((r) => `${r.id} (${[!r.titleEn && "titleEn", !r.messageEn && "messageEn"].filter(Boolean).join(", ")})`);
  if (noEnglish.length) out.push("", t("cli.test.noEnglish", { count: noEnglish.length, rules: noEnglish.join(", ") }, o.locale));
  out.push("", t("cli.test.summary", { total: results.length, passed: results.length - failed, failed }, o.locale));
  io.out(out.join("\n") + "\n");
  return failed > 0 ? 1 : 0;
}
