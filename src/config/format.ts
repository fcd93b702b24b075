// One line per problem, as editors and CI annotators parse it: "file:line:column message".
import { t, type Locale } from "../i18n/index.js";
import type { ConfigError } from "./errors.js";

export function formatConfigError(err: ConfigError, locale: Locale = "ja"): string[] {
  return err.errors.map((e) => {
    const where = e.file ? `${e.file}${e.line ? `:${e.line}:${e.column ?? 1}` : ""}: ` : "";
    return where + t(e.messageId, e.params, locale).trim();
  });
}
