// `chotatsu-lint rules`: the active rules as a table (or JSON).
import type { ResolvedConfig } from "../../model/ruleset.js";
import { t, type Locale } from "../../i18n/index.js";
import { columns } from "../text-width.js";
import type { Io } from "../io.js";

export function runRules(config: ResolvedConfig, json: boolean, locale: Locale, io: Io): number {
  const title = (r: ResolvedConfig["rules"][number]) => (locale === "en" && r.titleEn ? r.titleEn : r.title);
  if (json) {
    const list = [
      ...config.rules.map((r) => ({ id: r.id, severity: r.severity, kind: r.kind, title: title(r), ruleset: r.rulesetId, enabled: true })),
      ...config.disabled.map((r) => ({ id: r.id, severity: "off", kind: r.kind, title: title(r), ruleset: r.rulesetId, enabled: false })),
    ];
    io.out(JSON.stringify({ rules: list }, null, 2) + "\n");
    return 0;
  }
  const header = t("cli.rules.header", {}, locale).split("\t");
  const rows = config.rules.map((r) => [r.id, t(`cli.severity.${r.severity}`, {}, locale), r.kind, title(r)]);
  const offRows = config.disabled.map((r) => [r.id, t("cli.rules.off", {}, locale), r.kind, title(r)]);
  io.out(columns([header, ...rows, ...offRows]) + "\n\n"
    + t("cli.rules.count", { n: config.rules.length, off: config.disabled.length }, locale) + "\n");
  return 0;
}
