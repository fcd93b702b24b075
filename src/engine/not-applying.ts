// Why a rule does not apply to a document, in words an officer can check: the conditions of its
// appliesWhen that did not hold, each with a few of its terms (「個人情報・保有個人情報 … 2 回以上」).
import type { ConditionDef, ConditionExpr, ResolvedConfig } from "../model/ruleset.js";
import { t, type Locale } from "../i18n/index.js";

/** Condition names whose value made `expr` false (`not` entries carry the name that held). */
function unmet(expr: ConditionExpr, conditions: Readonly<Record<string, boolean>>, negated = false): { name: string; negated: boolean }[] {
  if (typeof expr === "string") return (conditions[expr] ?? false) === negated ? [{ name: expr, negated }] : [];
  if ("not" in expr) return unmet(expr.not, conditions, !negated);
  const parts = "any" in expr ? expr.any : expr.all;
  return parts.flatMap((e) => unmet(e, conditions, negated));
}

const TERMS_SHOWN = 3;

function describe(def: ConditionDef | undefined, locale: Locale): string {
  if (!def) return "";
  const words = [...(def.all ?? []), ...(def.any ?? [])].filter((w) => !w.startsWith("re:")).map((w) => w.replace(/^(\$|cs:)/, ""));
  const sep = locale === "en" ? ", " : "・";
  const shown = words.slice(0, TERMS_SHOWN).join(sep) + (words.length > TERMS_SHOWN ? (locale === "en" ? " …" : " など") : "");
  return def.any?.length && (def.minHits ?? 1) > 1 ? t("report.na.minHits", { words: shown, n: def.minHits }, locale) : shown;
}

/** 「適用条件を満たさない: personal-info（個人情報・保有個人情報・特定個人情報 など が 2 回以上）」 */
export function notApplyingReason(expr: ConditionExpr | undefined, conditions: Readonly<Record<string, boolean>>,
  config: Pick<ResolvedConfig, "conditions">, locale: Locale): string | undefined {
  if (expr === undefined) return undefined;
  const names = unmet(expr, conditions);
  if (!names.length) return undefined;
  const sep = locale === "en" ? "; " : "、";
  const list = names.map(({ name, negated }) => {
    const words = describe(config.conditions[name], locale);
    return t(negated ? "report.na.holds" : "report.na.fails", { name, words }, locale);
  }).join(sep);
  return t("report.na.reason", { reason: list }, locale);
}
