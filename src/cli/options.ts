// Turning raw option strings into checked settings. Each problem becomes a UsageError (exit 2).
import type { Params } from "../i18n/index.js";
import type { Locale } from "../i18n/index.js";
import type { Severity } from "../model/finding.js";
import { FORMAT_NAMES, isFormatName, type FormatName } from "../formatters/index.js";

export class UsageError extends Error {
  constructor(readonly messageId: string, readonly params: Params = {}) {
    super(messageId);
    this.name = "UsageError";
  }
}

export function parseFormat(value: string): FormatName {
  if (!isFormatName(value)) throw new UsageError("cli.error.unknownFormat", { format: value, formats: FORMAT_NAMES.join(", ") });
  return value;
}

export function parseLocale(value: string): Locale {
  if (value !== "ja" && value !== "en") throw new UsageError("cli.error.badLocale", { value });
  return value;
}

export function parseCount(option: string, value: string, min = 0): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError("cli.error.badNumber", { option, value });
  return Number(value);
}

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function parseSize(option: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || Number(m[1]) <= 0) throw new UsageError("cli.error.badSize", { option, value });
  return Math.floor(Number(m[1]) * unit);
}

export function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!d || d.toISOString().slice(0, 10) !== value) throw new UsageError("cli.error.badDate", { value });
  return value;
}

export interface RuleSetting { id: string; severity: Severity | "off" }

export function parseRuleSetting(value: string): RuleSetting {
  const m = /^([A-Za-z0-9][\w.-]*):(off|info|warn|warning|error)$/.exec(value.trim());
  if (!m) throw new UsageError("cli.error.badRule", { value });
  const sev = m[2] === "warn" ? "warning" : (m[2] as Severity | "off");
  return { id: m[1]!, severity: sev };
}
