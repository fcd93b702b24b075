// The contract period a spec states (「契約期間 令和6年4月1日から令和11年3月31日まで」): its end extends the horizon
// of support a product must have (eol), and without a cover date its start dates the spec, which is written
// before the work it buys (eol, forbid's `since`).
import { findDates } from "../../text/dates.js";
import type { CheckContext } from "./kind.js";

/** Words that introduce the contract period (a lease's own: 「リース期間」「レンタル期間」 beside 賃貸借期間). */
export const CONTRACT_PERIOD_TERMS = ["契約期間", "履行期間", "賃貸借期間", "借入期間", "リース期間", "レンタル期間", "保守期間", "運用期間", "委託期間"];

/** Each document's period, read once for the kinds that ask (eol and forbid's `since` both do). */
const periods = new WeakMap<CheckContext, { start?: string; end?: string }>();

/** The earliest and the latest date stated next to a contract-period term (same block or the next two: table cells). */
export function contractPeriod(ctx: CheckContext): { start?: string; end?: string } {
  let period = periods.get(ctx);
  if (!period) periods.set(ctx, period = readPeriod(ctx));
  return period;
}

/** What follows the date a period runs from (「令和6年4月1日から」「2024年4月1日～」). */
const FROM = /^\s*(?:[(（][^)）]{1,3}[)）])?\s*(から|より|~|～|〜|－|-)/u;

function readPeriod(ctx: CheckContext): { start?: string; end?: string } {
  let start: string | undefined;
  let end: string | undefined;
  for (const term of CONTRACT_PERIOD_TERMS) {
    for (const h of ctx.hits(term)) {
      for (let b = h.block; b < Math.min(ctx.blocks.length, h.block + 3); b++) {
        const text = b === h.block ? ctx.blocks[b]!.text.slice(h.start) : ctx.blocks[b]!.text;
        const dates = findDates(text);
        for (const d of dates) {
          // Only a date the period runs from starts it: in 「契約締結の日から平成32年3月31日まで」 the one date is the end.
          if ((!start || d.iso < start) && FROM.test(text.slice(d.end, d.end + 4))) start = d.iso;
          if (!end || d.iso > end) end = d.iso;
        }
        if (b === h.block && dates.length) break;
      }
    }
  }
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}
