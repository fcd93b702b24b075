// The kind registry: one line per kind.
import type { RuleKind } from "./kind.js";
import type { ResolvedConfig, ResolvedRule, TermEntry } from "../../model/ruleset.js";
import { require } from "./require.js";
import { forbid } from "./forbid.js";
import { threshold } from "./threshold.js";
import { eol } from "./eol.js";
import { structure } from "./structure.js";
import { vague } from "./vague.js";
import { consistency } from "./consistency.js";
import { subject } from "./subject.js";
import { reference } from "./reference.js";

export const kindRegistry: Record<string, RuleKind> = {
  require,
  forbid,
  threshold,
  eol,
  structure,
  vague,
  consistency,
  subject,
  reference,
};

/** The term entries the rule's kind declares, for the shared matcher (none for an unknown kind). */
export function kindTerms(rule: ResolvedRule, config: ResolvedConfig): readonly TermEntry[] {
  return kindRegistry[rule.kind]?.terms(rule, config) ?? [];
}
