// The ruleset model: contracts between the config loader (src/config/), the engine (src/engine/) and the CLI.
import type { Severity } from "./finding.js";
import type { Locale } from "../i18n/index.js";

/** Where a YAML node was written, for error messages (1-based). */
export interface Origin { file: string; line: number; column: number }

/**
 * A term entry: a literal, "re:<RE2 pattern>", or "$name" (a reference to another term list);
 * "cs:" before a literal or "re:" makes it case-sensitive.
 */
export type TermEntry = string;

/** Named document conditions (appliesWhen); `minHits` counts term occurrences in the document. */
export interface ConditionDef { any?: TermEntry[]; all?: TermEntry[]; minHits?: number }
export type ConditionExpr = string | { any: ConditionExpr[] } | { all: ConditionExpr[] } | { not: ConditionExpr };

export type ExampleSpec = string | { text: string; status?: "present" | "partial" | "absent"; count?: number; at?: string };

/** One rule as written in YAML: the common keys, and everything else as kind parameters. */
export interface RuleDef {
  id: string;
  kind: string;
  severity: Severity;
  title: string;
  titleEn?: string;
  message: string;
  /** English message; the Japanese one is shown with --locale en when absent. */
  messageEn?: string;
  source: string;
  suggestion?: string;
  why?: string;
  section?: string[];
  appliesWhen?: ConditionExpr;
  examples?: RuleExamples;
  /** Kind parameters: every key not listed above. */
  params: Record<string, unknown>;
  /** The ruleset that defined it and where. */
  rulesetId: string;
  origin: Origin;
  /** Where each string value inside the rule (term entries, patterns) was first written; config options included. */
  valueOrigins?: Record<string, Origin>;
}

export type RuleExamples = { good?: ExampleSpec[]; bad?: ExampleSpec[] };

/**
 * Per-rule override from config `rules:` or ruleset `overrides:`. `examples` (rulesets only) are
 * written for the rule as overridden, and are run with the options merged up to this override.
 */
export interface RuleOverride {
  severity?: Severity | "off"; options?: Record<string, unknown>; reason?: string; examples?: RuleExamples; origin?: Origin;
}

/** Examples with the rule as the ruleset that wrote them defined it (its params and severity then). */
export interface RuleExampleSet { rulesetId: string; params: Record<string, unknown>; severity: Severity; examples: RuleExamples }

/** The shared vocabulary of a ruleset; a config merges those of its active rulesets (later add/replace). */
export interface Vocabulary {
  variants: Record<string, string>;
  terms: Record<string, TermEntry[]>;
  /** Words whose occurrences hide shorter term hits inside them (ログ inside プログラム). */
  masks?: TermEntry[];
  negations: string[];
  obligations: string[];
  conditions: Record<string, ConditionDef>;
}

export interface RulesetDef extends Vocabulary {
  id: string;
  title: string;
  file: string;
  extends?: string;
  asOf?: string;
  overrides: Record<string, RuleOverride>;
  rules: RuleDef[];
  /** Origins of term definitions, for "$x undefined" and regex errors. */
  termOrigins: Record<string, Origin>;
  /** Where each string inside `terms` and `conditions` (e.g. a "re:" entry) was first written. */
  valueOrigins?: Record<string, Origin>;
}

/** The formats a kind may declare for a parameter that names a data file (read when the config loads). */
export type DataFormat = "product-list";

/** One product of an end-of-support list ("product-list"): the names it is written by, and its end of support. */
export interface ProductEntry { id: string; name: string; patterns: string[]; eos: string; source?: string }

/** A rule after extends, overrides and config: severity settled, options merged into params. */
export interface ResolvedRule extends RuleDef {
  /** The data files its parameters name, parsed by the config loader (param → data). */
  data?: Record<string, unknown>;
  /** Why it was turned off or changed, when a ruleset override or config said so. */
  overrideReason?: string;
  /**
   * Every example list that applies to this rule, each with the params it was written for: the defining
   * ruleset's `examples` with its own params (before any override), then each ruleset override's
   * `examples` with the params as overridden up to that point. Absent when the rule has no examples.
   */
  exampleSets?: RuleExampleSet[];
}

/** Everything the engine needs, produced by src/config/ `loadConfig()`. */
export interface ResolvedConfig extends Vocabulary {
  /** Active rulesets, base first (extends order), then config `rulesets:`. */
  rulesets: RulesetDef[];
  /** Enabled rules in a stable order (ruleset order, then file order). Rules set to off are absent. */
  rules: ResolvedRule[];
  /** Rules turned off (kept so `rules` and `explain` can show them). */
  disabled: ResolvedRule[];
  /** YYYY-MM-DD. */
  asOf: string;
  locale: Locale;
  ignore: string[];
  /** The config file used, if any. */
  configFile?: string;
  /** Absolute path of the config's `baseline:` file, applied when --baseline is not given. */
  baseline?: string;
  /** Where docs/rules/ is published (config `docsUrl:`), for links from SARIF and rdjson. */
  docsUrl?: string;
  /** The config's `packages:`: files judged as one procurement; `files` are relative to `baseDir`. */
  packages?: PackageDef[];
}

/** A procurement package: its body first, then annexes, as files or globs. */
export interface PackageDef { name: string; files: string[]; baseDir?: string }
