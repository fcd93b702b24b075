// Renders one counter value the way Word shows it for a w:numFmt value.

const AIUEO = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
const IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";
const AIUEO_HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
const IROHA_HALF = "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳヰﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼヱﾋﾓｾｽ";
const TRADITIONAL = "甲乙丙丁戊己庚辛壬癸";
const ZODIAC = "子丑寅卯辰巳午未申酉戌亥";
const KANJI_DIGITS = "〇一二三四五六七八九";
const LEGAL_DIGITS = "〇壱弐参四伍六七八九";

function cyclic(set: string, n: number): string {
  const chars = Array.from(set);
  return chars[(n - 1) % chars.length] ?? String(n);
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: 27 → aa, 28 → bb.
  const base = upper ? 65 : 97;
  const ch = String.fromCharCode(base + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function fullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/** 1 → 一, 10 → 十, 23 → 二十三, 105 → 百五 (Word's japaneseCounting). */
export function japaneseCounting(n: number, digits = KANJI_DIGITS): string {
  if (n === 0) return digits[0]!;
  const units: [number, string][] = [[10000, "万"], [1000, "千"], [100, "百"], [10, "十"]];
  let out = "";
  for (const [v, u] of units) {
    const q = Math.floor(n / v);
    if (q > 0) {
      out += (q === 1 && v < 10000 ? "" : japaneseCounting(q, digits)) + u;
      n %= v;
    }
  }
  if (n > 0) out += digits[n]!;
  return out;
}

function digitwise(n: number, digits: string): string {
  return String(n).replace(/[0-9]/g, (d) => digits[Number(d)]!);
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

export function formatNumber(n: number, fmt: string | undefined): string {
  switch (fmt) {
    case undefined:
    case "decimal": return String(n);
    case "decimalZero": return n < 10 ? "0" + n : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2": return fullWidthDigits(String(n));
    case "decimalHalfWidth": return String(n);
    case "upperLetter": return letters(n, true);
    case "lowerLetter": return letters(n, false);
    case "upperRoman": return roman(n);
    case "lowerRoman": return roman(n).toLowerCase();
    case "aiueoFullWidth": return cyclic(AIUEO, n);
    case "aiueo": return cyclic(AIUEO_HALF, n);
    case "irohaFullWidth": return cyclic(IROHA, n);
    case "iroha": return cyclic(IROHA_HALF, n);
    case "ideographTraditional": return cyclic(TRADITIONAL, n);
    case "ideographZodiac": return cyclic(ZODIAC, n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n <= 20 ? enclosed(n, 0x2460, 20) : n <= 35 ? String.fromCodePoint(0x3251 + n - 21) : n <= 50 ? String.fromCodePoint(0x32b1 + n - 36) : String(n);
    case "decimalEnclosedParen": return enclosed(n, 0x2474, 20);
    case "decimalEnclosedFullstop": return enclosed(n, 0x2488, 20);
    case "japaneseCounting":
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
      return japaneseCounting(n);
    case "ideographDigital":
    case "japaneseDigitalTenThousand": return digitwise(n, KANJI_DIGITS);
    case "japaneseLegal": return japaneseCounting(n, LEGAL_DIGITS);
    case "none": return "";
    default: return String(n);
  }
}
