// The committed schemas/ files are exactly what the code produces, and they are usable JSON Schemas.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { schemaFiles } from "../../src/config/schema.js";
import { packageRoot } from "../../src/config/paths.js";
import { kindRegistry } from "../../src/engine/kinds/index.js";
import { testKinds } from "./helpers.js";

describe("schemas/", () => {
  it.each(Object.keys(schemaFiles(kindRegistry)))("%s is current (run `npm run gen:schemas`)", (name) => {
    const committed = readFileSync(join(packageRoot(), "schemas", name), "utf8");
    expect(committed).toBe(schemaFiles(kindRegistry)[name]);
  });

  it("every registered kind has a rule schema in the ruleset schema", () => {
    const schema = JSON.parse(schemaFiles(kindRegistry)["ruleset.schema.json"]!) as { definitions: Record<string, unknown> };
    for (const kind of Object.keys(kindRegistry)) expect(schema.definitions[`kind-${kind}`]).toBeDefined();
  });

  it("the published schemas pass the draft-07 meta-schema (the loader skips that check at run time)", () => {
    for (const text of Object.values(schemaFiles(kindRegistry))) {
      const ajv = new Ajv({ strict: false });
      expect(ajv.validateSchema(JSON.parse(text)), JSON.stringify(ajv.errors)).toBe(true);
    }
  });

  it("compiles under a plain draft-07 validator (what editors use)", () => {
    const files = schemaFiles(testKinds);
    for (const text of Object.values(files)) expect(() => new Ajv({ strict: false }).compile(JSON.parse(text))).not.toThrow();
    const validate = new Ajv({ strict: false }).compile(JSON.parse(files["ruleset.schema.json"]!));
    const good = { id: "r", title: "R", rules: [{ id: "a", kind: "forbid", severity: "error", title: "t", message: "m", messageEn: "m", source: "s", patterns: ["x"] }] };
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, rules: [{ ...good.rules[0], pattern: ["x"] }] })).toBe(false);
  });
});

describe("kind schemas with recursive definitions", () => {
  const kinds = {
    nest: {
      schema: {
        type: "object",
        definitions: {
          expr: {
            anyOf: [
              { type: "string" },
              { type: "object", additionalProperties: false, required: ["all"], properties: { all: { type: "array", items: { $ref: "#/definitions/expr" } } } },
            ],
          },
        },
        properties: { present: { $ref: "#/definitions/expr" } },
      },
    },
  };

  it("are hoisted to the root under the kind's prefix, refs rewritten", () => {
    const schema = JSON.parse(schemaFiles(kinds)["ruleset.schema.json"]!) as { definitions: Record<string, { properties?: Record<string, unknown> }> };
    expect(schema.definitions["kind-nest"]!.properties!.present).toEqual({ $ref: "#/definitions/kind-nest-expr" });
    expect(JSON.stringify(schema.definitions["kind-nest-expr"])).toContain('"#/definitions/kind-nest-expr"');
  });

  it("validate nested values and locate errors deep inside them", async () => {
    const { parseYamlText } = await import("../../src/config/yaml-source.js");
    const { parseRulesetSource } = await import("../../src/config/ruleset.js");
    const yaml = [
      "id: r", "title: R", "rules:", "  - id: a", "    kind: nest", "    severity: error", "    title: t", "    message: m",
      "    messageEn: m", "    source: s", "    present: { all: [x, { all: [y, { al: [z] }] }] }",
    ].join("\n");
    const err = (() => { try { parseRulesetSource(parseYamlText(yaml, "r.yaml"), kinds); } catch (e) { return e as { errors: unknown[] }; } })();
    expect(err?.errors).toMatchObject([{ messageId: "config.schema.unknownKey", params: { key: "al", suggestion: "all" }, line: 11, column: 38 }]);
  });
});
