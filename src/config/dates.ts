// asOf dates: YYYY-MM-DD that exist on the calendar; "today" in local time.
import { ConfigError } from "./errors.js";
import type { Origin } from "../model/ruleset.js";

export function isValidDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A ConfigError for an invalid date, or null. `at` is omitted for --as-of on the command line. */
export function checkDate(value: string, at?: Origin): ConfigError | null {
  if (isValidDate(value)) return null;
  return new ConfigError("config.asOf.invalid", { value }, at?.file, at?.line, at?.column);
}

/** Today's date where the user is, not in UTC: a spec reviewed at 08:00 JST is reviewed "today". */
export function todayLocal(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
