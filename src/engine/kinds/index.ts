// The kind registry: one line per kind.
import type { RuleKind } from "./kind.js";

export const kindRegistry: Record<string, RuleKind> = {};
