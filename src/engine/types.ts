// The ruleset model moved to src/model/ruleset.ts; kept so that code written against the old path builds.
export type * from "../model/ruleset.js";
