// Periods written in a sentence: 1年, ３か月, 二十四時間以内, 3〜5日 … normalised to hours so a
// rule can compare "1年" with "12か月". Calendar dates (令和9年3月31日, 2027年3月) are not periods.

export type PeriodUnit = "年" | "か月" | "週間" | "日" | "営業日" | "時間" | "分";
export type PeriodQualifier = "within" | "atLeast" | "over" | "under" | undefined;

export interface Period {
  value: number;
  unit: PeriodUnit;
  /** The period in hours (年 = 8760, か月 = 730, 週間 = 168, 日・営業日 = 24). */
  hours: number;
  /** Offsets of the number-and-unit text in the input. */
  start: number;
  end: number;
  qualifier: PeriodQualifier;
}

export const HOURS: Record<PeriodUnit, number> = { 年: 8760, か月: 730, 週間: 168, 日: 24, 営業日: 24, 時間: 1, 分: 1 / 60 };

const KANJI_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 両: 2 };
const KANJI_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十四 → 24, 百 → 100, 三十 → 30, 一〇 → 10. */
export function parseKanjiNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (!/[十百千]/.test(s)) { // positional: 一〇, 二四
    let v = 0;
    for (const ch of s) { const d = KANJI_DIGIT[ch]; if (d === undefined) return undefined; v = v * 10 + d; }
    return v;
  }
  let total = 0; let digit = -1;
  for (const ch of s) {
    const d = KANJI_DIGIT[ch];
    if (d !== undefined) { digit = d; continue; }
    const u = KANJI_UNIT[ch];
    if (u === undefined) return undefined;
    total += (digit < 0 ? 1 : digit) * u;
    digit = -1;
  }
  return total + (digit < 0 ? 0 : digit);
}

const NUM = String.raw`(?:[0-9]+(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千両]+)`;
const UNIT = String.raw`(年|ヶ月|ケ月|カ月|ヵ月|か月|箇月|個月|ヶ年|か年|カ年|月|週間|週|営業日|日|時間|分)`;
const RANGE = String.raw`(?:\s*(?:〜|~|～|-|−|ー|から)\s*)`;
const PERIOD_RE = new RegExp(String.raw`(${NUM})(?:${UNIT})?(?:${RANGE}(${NUM}))?${UNIT}(間)?(以内|以上|を超え|超|未満|以下|まで)?`, "gu");

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function readNumber(s: string): number | undefined {
  if (/^[0-9]/.test(s)) return Number(s);
  return parseKanjiNumber(s);
}

function unitOf(u: string): PeriodUnit {
  if (u === "年" || u.endsWith("年")) return "年";
  if (u.endsWith("月")) return "か月";
  if (u.startsWith("週")) return "週間";
  return u as PeriodUnit;
}

const ERA_BEFORE = /(令和|平成|昭和|西暦|R|H)\s*$/;

/** Every period in `sentence`, in order. Full-width digits are read in place (same offsets). */
export function readPeriods(sentence: string): Period[] {
  const text = toAsciiDigits(sentence);
  const out: Period[] = [];
  PERIOD_RE.lastIndex = 0;
  for (let m = PERIOD_RE.exec(text); m; m = PERIOD_RE.exec(text)) {
    const [whole, first, firstUnit, second, unitRaw, kan, qual] = m;
    const start = m.index; const end = start + whole.length;
    const unit = unitOf(unitRaw!);
    const kanji = !/^[0-9]/.test(first!);
    const after = text.slice(end, end + 3);
    const before = text.slice(Math.max(0, start - 4), start);
    // Dates and non-periods: 令和9年, 2027年, 3月31日, 3月 (March), 十分 (enough), 一日も早く.
    if (unit === "年" && (ERA_BEFORE.test(before) || /^[0-9]{4}$/.test(first!) || /^[0-9〇一二三四五六七八九十]+月/.test(after))) continue;
    if (unitRaw === "月" && !kan && !qual) continue;
    if (unit === "日" && /月\s*$/.test(before + "") && /[0-9〇一二三四五六七八九十]月$/.test(text.slice(0, start))) continue;
    if (unit === "日" && /月$/.test(text.slice(Math.max(0, start - 1), start))) continue;
    if (unit === "分" && kanji && !kan && !qual) continue;
    if (unit === "日" && kanji && first === "一" && /^も/.test(after)) continue;
    if (firstUnit && unitOf(firstUnit) !== unit) continue;
    const a = readNumber(first!);
    const b = second !== undefined ? readNumber(second) : undefined;
    if (a === undefined || (second !== undefined && b === undefined)) continue;
    const value = b !== undefined ? Math.max(a, b) : a;
    const qualifier: PeriodQualifier = qual === "以内" || qual === "まで" || qual === "以下" ? "within"
      : qual === "以上" ? "atLeast" : qual === "を超え" || qual === "超" ? "over" : qual === "未満" ? "under" : undefined;
    out.push({ value, unit, hours: value * HOURS[unit], start, end, qualifier });
  }
  return out;
}

/** Parse a bound written in a rule: "1年", "24時間", "３か月". */
export function parsePeriod(s: string): Period | undefined {
  return readPeriods(s)[0];
}
