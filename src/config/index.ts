// Public surface of the config loader.
export { ConfigError } from "./errors.js";
export {
  loadConfig, loadRulesetFile, resolveRulesetAsConfig, findConfigFile, CONFIG_FILE_NAMES,
  type LoadConfigOptions, type ResolveRulesetOptions,
} from "./load.js";
export { builtinRulesetNames, builtinRulesetPath, packageRoot, DEFAULT_RULESET } from "./paths.js";
export { initConfigText } from "./init.js";
export { configSchema, rulesetSchema, ruleSchemaForKind, schemaText, COMMON_RULE_KEYS } from "./schema.js";
export { formatConfigError } from "./format.js";
export type { KindSchemas, JsonSchema } from "./kinds.js";
