// Kind parameter defaults are declared once, as `default` in each kind's schema: defineKind fills them
// in before a kind's hooks run, and each default is a valid value of its own property.
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { kindRegistry } from "../../../src/engine/kinds/index.js";
import { withSchemaDefaults, type JsonSchema } from "../../../src/engine/kinds/kind.js";
import { lintDocument } from "../../../src/engine/index.js";
import { config, md } from "../helpers.js";

/** Every subschema with a `default`, by path, at any depth of properties, map values and list items. */
function defaults(schema: JsonSchema, path: string, out: [string, JsonSchema][] = []): [string, JsonSchema][] {
  if ("default" in schema) out.push([path, schema]);
  for (const [k, s] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) defaults(s, `${path}.${k}`, out);
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") defaults(schema.additionalProperties as JsonSchema, `${path}.*`, out);
  if (schema.items && typeof schema.items === "object") defaults(schema.items as JsonSchema, `${path}[]`, out);
  return out;
}

describe("schema defaults of the kinds", () => {
  const all = Object.entries(kindRegistry).flatMap(([kind, { schema }]) => defaults(schema, kind));

  it("are declared where a parameter has one", () => {
    expect(all.map(([p]) => p).sort()).toEqual([
      "consistency.minCount", "forbid.obligationOnly", "forbid.perSentence", "forbid.within",
      "structure.sections.*.mentionSuffices", "structure.sections.*.nested", "threshold.missingNumber",
      "vague.definedBy[].within", "vague.mode",
    ]);
  });

  it.each(all)("%s: the default is a valid value of its property", (_path, schema) => {
    const { default: value, ...rest } = schema;
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate(rest, value), JSON.stringify(ajv.errors)).toBe(true);
  });

  it("are filled in at any depth, without overriding a value that is given", () => {
    const schema = kindRegistry.structure!.schema;
    const params = { sections: { a: { any: ["x"] }, b: { any: ["y"], nested: false } } };
    expect(withSchemaDefaults(schema, params)).toEqual({
      sections: { a: { any: ["x"], mentionSuffices: false, nested: true }, b: { any: ["y"], mentionSuffices: false, nested: false } },
    });
    expect(params.sections.a).toEqual({ any: ["x"] }); // the rule's own params are not changed
    expect(withSchemaDefaults(kindRegistry.vague!.schema, { qualifiers: ["適宜"], definedBy: [{ qualifiers: ["原則として"], any: ["ただし"] }] }))
      .toEqual({ mode: "qualifier", qualifiers: ["適宜"], definedBy: [{ qualifiers: ["原則として"], any: ["ただし"], within: "block" }] });
  });

  it("reach the kind: consistency counts a name used once (minCount 1) when the rule does not say", () => {
    const c = config([{ id: "names", kind: "consistency", message: "{used}", params: { groups: { contractor: ["受注者", "受託者"] } } }]);
    const r = lintDocument(md("受注者は、報告すること。\n\n受託者は、記録すること。\n"), c);
    expect(r.findings).toHaveLength(1);
    const twice = config([{ id: "names", kind: "consistency", message: "{used}", params: { groups: { contractor: ["受注者", "受託者"] }, minCount: 2 } }]);
    expect(lintDocument(md("受注者は、報告すること。\n\n受託者は、記録すること。\n"), twice).findings).toEqual([]);
  });
});
