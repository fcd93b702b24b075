// The kind registry: one line per kind.
import type { RuleKind } from "./kind.js";
import { require } from "./require.js";
import { forbid } from "./forbid.js";
import { threshold } from "./threshold.js";
import { eol } from "./eol.js";
import { structure } from "./structure.js";
import { vague } from "./vague.js";

export const kindRegistry: Record<string, RuleKind> = {
  require,
  forbid,
  threshold,
  eol,
  structure,
  vague,
};
