// The part of the engine's kind registry the config loader needs: each kind's parameter schema.
// Kept structural so tests can pass small registries without the engine.

import type { ResolvedRule } from "../model/ruleset.js";

/** A JSON Schema (draft-07) object. */
export type JsonSchema = Record<string, unknown>;
export interface KindSchemaSource {
  schema: JsonSchema;
  /**
   * Loads and checks the data files a rule names (eol's product list), throwing a ConfigError at
   * the parameter's place, so a missing or malformed file stops the run at load with exit 2.
   */
  loadData?(rule: ResolvedRule, rulesetFile: string): unknown;
}
export type KindSchemas = Readonly<Record<string, KindSchemaSource>>;

/**
 * The engine's registry, loaded on first use so that commands which never validate rules
 * do not pay for importing every kind.
 */
export async function defaultKinds(): Promise<KindSchemas> {
  const mod = (await import("../engine/kinds/index.js")) as { kindRegistry: KindSchemas };
  return mod.kindRegistry;
}
