// structure: required sections (headings) exist.
import type { Finding } from "../../model/finding.js";
import type { TermEntry } from "../types.js";
import { labelSchema, termListSchema, type JsonSchema, type RuleKind } from "./kind.js";

export interface StructureParams { sections: Record<string, { any: TermEntry[]; label?: unknown }> }

const schema: JsonSchema = {
  type: "object", additionalProperties: false, required: ["sections"],
  properties: {
    sections: {
      type: "object", minProperties: 1,
      additionalProperties: { type: "object", additionalProperties: false, required: ["any"], properties: { any: { ...termListSchema, minItems: 1 }, label: labelSchema } },
    },
  },
};

export const structure: RuleKind = {
  kind: "structure",
  schema,
  terms(rule) {
    return Object.values((rule.params as unknown as StructureParams).sections ?? {}).flatMap((s) => s.any);
  },
  check(ctx, rule) {
    const p = rule.params as unknown as StructureParams;
    const findings: Finding[] = [];
    for (const [name, s] of Object.entries(p.sections ?? {})) {
      const found = s.any.some((e) => ctx.hits(e).some((h) => ctx.blocks[h.block]!.block.kind === "heading"));
      if (found) continue;
      const label = ctx.label(s.label, name);
      findings.push(ctx.finding(rule, { top: true }, { params: { missing: label, section: label } }));
    }
    return { findings };
  },
};
