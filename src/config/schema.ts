// JSON Schemas (draft-07) for `.chotatsu-lint.yaml` and ruleset files, built from the kind registry
// so the published schema, editor completion and validation can never disagree.
import type { JsonSchema, KindSchemas } from "./kinds.js";

/** Where editors find the schemas in a project that installed chotatsu-lint (yaml-language-server modeline). */
export const SCHEMA_INSTALLED_PATH = "./node_modules/chotatsu-lint/schemas/";
export const SEVERITIES = ["error", "warning", "info"] as const;
export const CONFIG_SEVERITIES = ["off", "info", "warn", "warning", "error"] as const;
const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const ID_PATTERN = "^[a-z0-9][a-z0-9-]*$";

const stringList: JsonSchema = { type: "array", items: { type: "string" } };
const termList: JsonSchema = { type: "array", items: { $ref: "#/definitions/termEntry" }, description: "literal, re:<RE2>, cs:<literal>, cs:re:<RE2>, or $name" };
/** `cs:` (case-sensitive) applies to a literal or a `re:` pattern, not to a `$name` list. */
const termEntry: JsonSchema = { type: "string", minLength: 1, pattern: "^(?!cs:(\\$|$))" };

const conditionExpr: JsonSchema = {
  oneOf: [
    { type: "string" },
    { type: "object", properties: { any: { type: "array", items: { $ref: "#/definitions/conditionExpr" } } }, required: ["any"], additionalProperties: false },
    { type: "object", properties: { all: { type: "array", items: { $ref: "#/definitions/conditionExpr" } } }, required: ["all"], additionalProperties: false },
    { type: "object", properties: { not: { $ref: "#/definitions/conditionExpr" } }, required: ["not"], additionalProperties: false },
  ],
};

const example: JsonSchema = {
  oneOf: [
    { type: "string" },
    {
      type: "object",
      properties: {
        text: { type: "string", description: "the example document (Markdown)" },
        status: { enum: ["present", "partial", "absent"], description: "require rules: the status the example must get" },
        count: { type: "integer", minimum: 0, description: "how many findings the rule must give" },
        at: { type: "string", pattern: "^[0-9]+:[0-9]+(-[0-9]+:[0-9]+)?$", description: "where the rule's first finding must be: line:column, or line:column-endLine:endColumn (bad examples)" },
      },
      required: ["text"],
      additionalProperties: false,
    },
  ],
};

/** Keys every rule may have, whatever its kind; everything else is a kind parameter. */
export const COMMON_RULE_PROPERTIES: Record<string, JsonSchema> = {
  id: { type: "string", pattern: ID_PATTERN },
  kind: { type: "string" },
  severity: { enum: [...SEVERITIES] },
  title: { type: "string" },
  titleEn: { type: "string" },
  message: { type: "string" },
  messageEn: { type: "string" },
  source: { type: "string" },
  suggestion: { type: "string" },
  why: { type: "string" },
  section: stringList,
  appliesWhen: { $ref: "#/definitions/conditionExpr" },
  examples: {
    type: "object",
    properties: { good: { type: "array", items: { $ref: "#/definitions/example" } }, bad: { type: "array", items: { $ref: "#/definitions/example" } } },
    additionalProperties: false,
  },
};
export const COMMON_RULE_KEYS: ReadonlySet<string> = new Set(Object.keys(COMMON_RULE_PROPERTIES));
// English fields are optional: an agency may write its rules in Japanese only (Japanese is shown
// with --locale en, and test-ruleset lists what lacks English).
const RULE_REQUIRED = ["id", "kind", "severity", "title", "message", "source"];

/**
 * A ruleset's override may bring its own examples, written for the rule as overridden; a project
 * config has no `test-ruleset` run of its own, so its `rules:` entries take none.
 */
const overrideSchema = (severities: readonly string[], withExamples: boolean): JsonSchema => ({
  oneOf: [
    { enum: [...severities] },
    {
      type: "object",
      properties: {
        severity: { enum: [...severities] },
        options: { type: "object" },
        reason: { type: "string" },
        ...(withExamples ? { examples: COMMON_RULE_PROPERTIES.examples! } : {}),
      },
      additionalProperties: false,
    },
  ],
});

/**
 * A kind's schema may define recursive parts under `definitions` and refer to them with
 * `#/definitions/<name>`; they are moved to the root as `kind-<kind>-<name>` so that every kind's
 * names stay apart and the rule schema can sit inside the ruleset schema. Recursion via $ref keeps
 * the schema (and ajv's compile time) small where inlining nested conditions grows exponentially.
 */
function hoistDefinitions(kind: string, paramSchema: JsonSchema): { schema: JsonSchema; definitions: Record<string, JsonSchema> } {
  const prefix = `kind-${kind}-`;
  const { definitions, ...rest } = paramSchema as { definitions?: Record<string, JsonSchema> };
  // Only the kind's own definitions move; a $ref to a shared one (conditionExpr) stays as written.
  const own = new Set(Object.keys(definitions ?? {}));
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        out[k] = k === "$ref" && typeof x === "string" && x.startsWith("#/definitions/") && own.has(x.slice(14)) ? "#/definitions/" + prefix + x.slice(14) : rewrite(x);
      }
      return out;
    }
    return v;
  };
  const hoisted: Record<string, JsonSchema> = {};
  for (const [name, def] of Object.entries(definitions ?? {})) hoisted[prefix + name] = rewrite(def) as JsonSchema;
  return { schema: rewrite(rest) as JsonSchema, definitions: hoisted };
}

/** The schema a rule of `kind` must satisfy: the common keys plus that kind's parameters, nothing else. */
export function ruleSchemaForKind(kind: string, paramSchema: JsonSchema, standalone = true): JsonSchema {
  const { schema, definitions } = hoistDefinitions(kind, paramSchema);
  const { properties, required, additionalProperties: _ignored, $schema: _s, title: _t, description: _d, ...rest } = schema as {
    properties?: Record<string, JsonSchema>; required?: string[]; [k: string]: unknown;
  };
  return {
    ...rest,
    type: "object",
    properties: { ...COMMON_RULE_PROPERTIES, kind: { const: kind }, ...(properties ?? {}) },
    required: [...RULE_REQUIRED, ...(required ?? [])],
    additionalProperties: false,
    ...(standalone ? { definitions: { conditionExpr, example, termEntry, ...definitions } } : {}),
  };
}

export function rulesetSchema(kinds: KindSchemas): JsonSchema {
  const names = Object.keys(kinds).sort();
  const ruleBase: JsonSchema = {
    type: "object",
    properties: { ...COMMON_RULE_PROPERTIES, kind: names.length > 0 ? { enum: names } : { not: {} } },
    required: RULE_REQUIRED,
  };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "chotatsu-lint ruleset",
    type: "object",
    properties: {
      id: { type: "string", pattern: ID_PATTERN },
      title: { type: "string" },
      titleEn: { type: "string" },
      extends: { type: "string" },
      asOf: { type: "string", pattern: DATE_PATTERN },
      variants: { type: "object", additionalProperties: { type: "string" } },
      terms: { type: "object", additionalProperties: termList },
      masks: { ...termList, description: "words whose occurrences hide shorter term hits inside them (ログ inside プログラム)" },
      negations: stringList,
      obligations: stringList,
      conditions: {
        type: "object",
        additionalProperties: {
          type: "object",
          properties: { any: termList, all: termList, minHits: { type: "integer", minimum: 1 } },
          additionalProperties: false,
        },
      },
      overrides: { type: "object", additionalProperties: overrideSchema(CONFIG_SEVERITIES, true) },
      rules: { type: "array", items: { $ref: "#/definitions/rule" } },
    },
    required: ["id", "title"],
    additionalProperties: false,
    definitions: {
      conditionExpr,
      example,
      termEntry,
      rule: {
        ...ruleBase,
        ...(names.length === 0 ? {} : { allOf: names.map((k) => ({
          if: { properties: { kind: { const: k } }, required: ["kind"] },
          then: { $ref: `#/definitions/kind-${k}` },
        })) }),
      },
      ...Object.fromEntries(names.map((k) => [`kind-${k}`, ruleSchemaForKind(k, kinds[k]!.schema, false)])),
      ...Object.assign({}, ...names.map((k) => hoistDefinitions(k, kinds[k]!.schema).definitions)),
    },
  };
}

export function configSchema(): JsonSchema {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "chotatsu-lint configuration (.chotatsu-lint.yaml)",
    type: "object",
    properties: {
      extends: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
      rulesets: { type: "array", items: { type: "string" } },
      rules: { type: "object", additionalProperties: overrideSchema(CONFIG_SEVERITIES, false) },
      asOf: { type: "string", pattern: DATE_PATTERN },
      ignore: { type: "array", items: { type: "string" } },
      locale: { enum: ["ja", "en"] },
      baseline: { type: "string", minLength: 1, description: "baseline file (relative to this file), used when --baseline is not given" },
      docsUrl: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9+.-]*:", description: "where the generated docs/rules/ pages are published (e.g. a repository's blob URL); SARIF helpUri and rdjson code.url point there instead of the installed package's copy" },
    },
    additionalProperties: false,
  };
}

/** Serialised exactly as committed under schemas/ (2-space JSON, trailing newline). */
export function schemaText(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + "\n";
}

/** The files under schemas/, by name, as `npm run gen:schemas` writes them. */
export function schemaFiles(kinds: KindSchemas): Record<string, string> {
  return {
    "config.schema.json": schemaText(configSchema()),
    "ruleset.schema.json": schemaText(rulesetSchema(kinds)),
  };
}
