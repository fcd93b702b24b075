import type { Params } from "../i18n/index.js";

/** A configuration or ruleset problem: always exit 2, always with file:line:column when known. */
export class ConfigError extends Error {
  /**
   * Every problem found in one load. A loader collects as many as it can before throwing, so the
   * CLI can print them all at once; a single error lists itself.
   */
  errors: ConfigError[] = [this];

  constructor(
    readonly messageId: string,
    readonly params: Params = {},
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file ?? ""}${line ? `:${line}:${column ?? 1}` : ""} ${messageId} ${JSON.stringify(params)}`);
    this.name = "ConfigError";
  }

  /** One error stays itself; several become one ConfigError (`config.multiple`) whose `.errors` holds them all. */
  static of(errors: ConfigError[]): ConfigError {
    const flat = errors.flatMap((e) => e.errors);
    if (flat.length === 1) return flat[0]!;
    const first = flat[0];
    const all = new ConfigError("config.multiple", { count: flat.length }, first?.file, first?.line, first?.column);
    all.errors = flat;
    all.message = flat.map((e) => e.message).join("\n");
    return all;
  }
}
