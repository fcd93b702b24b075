// The part of the engine's kind registry the config loader needs: each kind's parameter schema.
// Kept structural so tests can pass small registries without the engine.

import type { DataFormat } from "../model/ruleset.js";

/** A JSON Schema (draft-07) object. */
export type JsonSchema = Record<string, unknown>;
export interface KindSchemaSource {
  schema: JsonSchema;
  /** Parameters that name a data file, and the file's format: the config loader reads them into `rule.data`. */
  dataFiles?: Readonly<Record<string, DataFormat>>;
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
