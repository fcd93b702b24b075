import type { Params } from "../i18n/index.js";

/** A configuration or ruleset problem: always exit 2, always with file:line:column when known. */
export class ConfigError extends Error {
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
}
