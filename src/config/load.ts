// Entry points: find and load `.chotatsu-lint.yaml`, or a single ruleset, into a ResolvedConfig.
import { existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "./errors.js";
import { readYamlFile, type YamlSource } from "./yaml-source.js";
import { schemaErrors } from "./validate.js";
import { configSchema } from "./schema.js";
import { RulesetGraph } from "./graph.js";
import { parseRulesetFile, toOverride, withDateCheck, type LoadedRuleset } from "./ruleset.js";
import { resolveRulesets, type OverrideSet } from "./resolve.js";
import { checkDate, todayLocal } from "./dates.js";
import { DEFAULT_RULESET } from "./paths.js";
import { loadRuleData } from "./data-files.js";
import { defaultKinds, type KindSchemas } from "./kinds.js";
import type { Locale } from "../i18n/index.js";
import type { Origin, PackageDef, ResolvedConfig, RuleOverride, RulesetDef } from "../model/ruleset.js";

export const CONFIG_FILE_NAMES = [".chotatsu-lint.yaml", ".chotatsu-lint.yml"] as const;

export interface LoadConfigOptions {
  cwd: string;
  /** --config: used as given (relative to cwd); no upward search. */
  configPath?: string;
  /** --as-of: wins over the config's and rulesets' asOf. */
  asOf?: string;
  /** --locale: wins over the config's locale. */
  locale?: Locale;
  /** Extra ruleset files (relative to cwd), added after the config's own `rulesets:`. */
  rulesets?: string[];
  /** Kind parameter schemas; defaults to the engine's kind registry. */
  kinds?: KindSchemas;
  /** Also schema-check the built-in rulesets (trusted by default: see RulesetGraph). */
  validateBuiltins?: boolean;
}

/** `resolveRulesetAsConfig` validates every file it loads, built-in ones included: it is the checking command. */
export interface ResolveRulesetOptions {
  asOf?: string;
  locale?: Locale;
  kinds?: KindSchemas;
}

interface ConfigFileData {
  extends?: string | string[];
  rulesets?: string[];
  rules?: Record<string, unknown>;
  asOf?: string;
  ignore?: string[];
  locale?: Locale;
  baseline?: string;
  docsUrl?: string;
  packages?: PackageDef[];
}

/** `.chotatsu-lint.yaml` or `.yml` in `cwd` or the nearest ancestor directory; undefined when none. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Load the configuration for a run. Throws one ConfigError whose `.errors` lists every problem found
 * (all schema errors of the config file; else all problems of all rulesets; else all resolution problems).
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<ResolvedConfig> {
  const kinds = opts.kinds ?? (await defaultKinds());
  const configFile = opts.configPath !== undefined ? resolve(opts.cwd, opts.configPath) : findConfigFile(opts.cwd);
  let src: YamlSource | undefined;
  let data: ConfigFileData = {};
  if (configFile !== undefined) {
    src = readYamlFile(configFile);
    if (src.data !== null && src.data !== undefined) {
      if (typeof src.data !== "object" || Array.isArray(src.data)) throw new ConfigError("config.yaml.notMap", {}, configFile, 1, 1);
      data = src.data as ConfigFileData;
      const errors = withDateCheck(schemaErrors(configSchema(), data, src), data.asOf, src);
      if (errors.length > 0) throw ConfigError.of(errors);
    }
  }

  const graph = new RulesetGraph(kinds, opts.validateBuiltins !== true);
  const baseDir = configFile ? dirname(configFile) : resolve(opts.cwd);
  const refs = data.extends === undefined ? [] : typeof data.extends === "string" ? [data.extends] : data.extends;
  const refOrigin = (key: "extends" | "rulesets", i: number | undefined): Origin | undefined =>
    src?.locate(i === undefined ? [key] : [key, i]);
  if (refs.length === 0 && (data.rulesets ?? []).length === 0 && (opts.rulesets ?? []).length === 0) {
    graph.add(DEFAULT_RULESET, baseDir);
  }
  refs.forEach((ref, i) => graph.add(ref, baseDir, refOrigin("extends", typeof data.extends === "string" ? undefined : i)));
  (data.rulesets ?? []).forEach((ref, i) => graph.add(asPath(ref), baseDir, refOrigin("rulesets", i)));
  for (const ref of opts.rulesets ?? []) graph.add(asPath(ref), resolve(opts.cwd));
  if (graph.errors.length > 0) throw ConfigError.of(graph.errors);

  let overrides: OverrideSet | undefined;
  if (src && data.rules) {
    const map: Record<string, RuleOverride> = {};
    for (const [id, v] of Object.entries(data.rules)) map[id] = toOverride(v, src, ["rules", id]);
    overrides = { src, base: ["rules"], overrides: map };
  }
  const base = assemble(graph.order, overrides, kinds);
  const config: ResolvedConfig = {
    ...base,
    asOf: pickAsOf(opts.asOf, data.asOf, graph.order),
    locale: opts.locale ?? data.locale ?? "ja",
    ignore: data.ignore ?? [],
  };
  if (configFile !== undefined) config.configFile = configFile;
  // Relative to the config file, like `rulesets:`, so the setting holds wherever the linter starts.
  if (data.baseline !== undefined) config.baseline = resolve(baseDir, data.baseline);
  if (data.docsUrl !== undefined) config.docsUrl = data.docsUrl;
  if (data.packages !== undefined) config.packages = data.packages.map((p) => ({ name: p.name, files: [...p.files], baseDir }));
  return config;
}

/** Parse and validate one ruleset file (its `extends` is not followed). */
export function loadRulesetFile(path: string, kinds?: KindSchemas): Promise<RulesetDef> {
  return (async () => parseRulesetFile(resolve(path), kinds ?? (await defaultKinds())).def)();
}

/** A ruleset with its `extends` chain as the whole configuration (for `chotatsu-lint test-ruleset FILE`). */
export async function resolveRulesetAsConfig(path: string, opts: ResolveRulesetOptions = {}): Promise<ResolvedConfig> {
  const kinds = opts.kinds ?? (await defaultKinds());
  const graph = new RulesetGraph(kinds);
  graph.add(asPath(path), process.cwd());
  if (graph.errors.length > 0) throw ConfigError.of(graph.errors);
  return {
    ...assemble(graph.order, undefined, kinds),
    asOf: pickAsOf(opts.asOf, undefined, graph.order),
    locale: opts.locale ?? "ja",
    ignore: [],
  };
}

/** Files named in `rulesets:` are always paths, even when they look like a built-in name. */
function asPath(ref: string): string {
  return /^[a-z0-9][a-z0-9-]*$/.test(ref) ? "./" + ref : ref;
}

function assemble(order: LoadedRuleset[], overrides: OverrideSet | undefined, kinds: KindSchemas): Omit<ResolvedConfig, "asOf" | "locale" | "ignore"> {
  const { errors, ...resolved } = resolveRulesets(order, overrides, kinds);
  if (errors.length > 0) throw ConfigError.of(errors);
  const rulesets = order.map((l) => l.def);
  // Data files rules name are read now: a bad one is a config error, and kinds never read files.
  const dataProblems = loadRuleData([...resolved.rules, ...resolved.disabled], rulesets, kinds);
  if (dataProblems.length > 0) throw ConfigError.of(dataProblems);
  return { rulesets, ...resolved };
}

function pickAsOf(cli: string | undefined, config: string | undefined, order: LoadedRuleset[]): string {
  if (cli !== undefined) {
    const bad = checkDate(cli);
    if (bad) throw bad;
    return cli;
  }
  if (config !== undefined) return config;
  for (let i = order.length - 1; i >= 0; i--) {
    const a = order[i]!.def.asOf;
    if (a !== undefined) return a;
  }
  return todayLocal();
}
