// The kind registry: one line per kind.
import type { RuleKind } from "./kind.js";
import { require } from "./require.js";

export const kindRegistry: Record<string, RuleKind> = {
  require,
};
