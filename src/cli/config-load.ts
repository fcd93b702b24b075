// Loads the configuration once for the whole run and applies --rule overrides.
import type { ResolvedConfig } from "../model/ruleset.js";
import type { Locale } from "../i18n/index.js";
import { UsageError, type RuleSetting } from "./options.js";

export interface ConfigOptions {
  cwd: string;
  configPath?: string;
  asOf?: string;
  locale?: Locale;
  rulesets?: string[];
  ruleSettings?: RuleSetting[];
}

export async function loadRunConfig(o: ConfigOptions): Promise<ResolvedConfig> {
  const { loadConfig } = await import("../config/index.js");
  const config = await loadConfig({ cwd: o.cwd, configPath: o.configPath, asOf: o.asOf, locale: o.locale, rulesets: o.rulesets });
  return applyRuleSettings(config, o.ruleSettings ?? []);
}

/** `--rule id:severity` wins over config; `off` moves the rule to `disabled`, anything else re-enables. */
export function applyRuleSettings(config: ResolvedConfig, settings: RuleSetting[]): ResolvedConfig {
  if (!settings.length) return config;
  let rules = [...config.rules];
  let disabled = [...config.disabled];
  for (const s of settings) {
    const active = rules.find((r) => r.id === s.id);
    const off = disabled.find((r) => r.id === s.id);
    const rule = active ?? off;
    if (!rule) throw new UsageError("cli.explain.unknown", { id: s.id });
    if (s.severity === "off") {
      rules = rules.filter((r) => r.id !== s.id);
      if (!off) disabled = [...disabled, rule];
    } else {
      const updated = { ...rule, severity: s.severity };
      if (active) rules = rules.map((r) => (r.id === s.id ? updated : r));
      else { disabled = disabled.filter((r) => r.id !== s.id); rules = [...rules, updated]; }
    }
  }
  return { ...config, rules, disabled };
}
