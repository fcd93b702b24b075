// Calendar dates written in Japanese specifications: 令和9年3月31日, 平成31年4月30日,
// 2027年3月31日, 2027/3/31, 令和9年3月末 → ISO YYYY-MM-DD.

export interface FoundDate { iso: string; start: number; end: number }

const ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925, R: 2018, H: 1988 };

// The other calendar's year may stand in brackets before 年 (「令和2(2020)年3月1日」「2020（令和2）年3月1日」).
const DATE_RE = /(令和|平成|昭和)\s*(元|[0-9]{1,2})\s*(?:[(（]\s*[0-9]{4}\s*[)）]\s*)?年\s*([0-9]{1,2})\s*月\s*(?:([0-9]{1,2})\s*日|(末))|([0-9]{4})\s*(?:[(（]\s*(?:令和|平成|昭和)\s*(?:元|[0-9]{1,2})\s*[)）]\s*)?年\s*([0-9]{1,2})\s*月\s*(?:([0-9]{1,2})\s*日|(末))|([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})/g;

function pad(n: number): string { return String(n).padStart(2, "0"); }
function lastDay(y: number, m: number): number { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }

function iso(y: number, m: number, d: number | "end"): string | undefined {
  if (m < 1 || m > 12) return undefined;
  const day = d === "end" ? lastDay(y, m) : d;
  if (day < 1 || day > lastDay(y, m)) return undefined;
  return `${y}-${pad(m)}-${pad(day)}`;
}

/** Every date in `text` (full-width digits read in place). */
export function findDates(text: string): FoundDate[] {
  const s = text.replace(/[０-９／．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const out: FoundDate[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(s); m; m = DATE_RE.exec(s)) {
    let value: string | undefined;
    if (m[1]) {
      const y = ERA_BASE[m[1]]! + (m[2] === "元" ? 1 : Number(m[2]));
      value = iso(y, Number(m[3]), m[5] ? "end" : Number(m[4]));
    } else if (m[6]) value = iso(Number(m[6]), Number(m[7]), m[9] ? "end" : Number(m[8]));
    else value = iso(Number(m[10]), Number(m[11]), Number(m[12]));
    if (value) out.push({ iso: value, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
