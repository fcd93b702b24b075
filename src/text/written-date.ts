// The date a specification was written, from its own cover: a line that is only a date
// (「令和2年8月」「令和元年11月1日」「2020年4月 作成」「（令和3年1月改定）」). References that were current
// then (a law superseded later) are not defects of that document; later editions are judged anew.

const ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988 };
/** A whole line naming a year and month (day optional), with the words a cover puts around a date. */
// A cover may put the issuing office on the date's line (「平成27年1月9日 佐賀県統括本部情報・業務改革課」, joined
// in PDF text): an office name ending the line, with no sentence mark in it.
const OFFICE = "(?:(?!.*(?:から|まで|以降|以前|付け|付で|をもって))[^。、,]{2,40}(?:課|局|部|室|係|班|担当|センター|庁|省|所|市|県|都|府|道|町|村|区|機構|法人|委員会|事務所|本部|組合|連合|大学))";
// Brackets are dropped before matching, so the other calendar's year beside it (「令和2(2020)年」「2020（令和2）年」) is
// read as it stands.
const DATE_LINE = new RegExp(`^(?:(令和|平成)(元|[0-9]{1,2})(?:[0-9]{4})?|([0-9]{4})(?:(?:令和|平成)(?:元|[0-9]{1,2}))?)年([0-9]{1,2})月(?:([0-9]{1,2})日)?(?:作成|改定|改訂|版|現在|策定|制定)?${OFFICE}?$`, "u");
/** How far into a document its cover date may stand (blocks, in reading order). */
export const COVER_BLOCKS = 30;

/** ISO date of a cover date line, or undefined when `line` is not one. */
export function dateLine(line: string): string | undefined {
  const s = line.normalize("NFKC").replace(/[\s()（）[\]【】〔〕]/gu, "");
  const m = DATE_LINE.exec(s);
  if (!m) return undefined;
  const year = m[3] ? Number(m[3]) : ERA_BASE[m[1]!]! + (m[2] === "元" ? 1 : Number(m[2]));
  const month = Number(m[4]);
  const day = m[5] ? Number(m[5]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first cover date line among the first COVER_BLOCKS blocks' lines, or undefined. */
export function writtenDate(blockTexts: Iterable<string>): string | undefined {
  let n = 0;
  for (const text of blockTexts) {
    if (n++ >= COVER_BLOCKS) break;
    for (const line of text.split("\n")) {
      const d = dateLine(line);
      if (d) return d;
    }
  }
  return undefined;
}

/** The last day of the Heisei era: a document dated only in 平成 was written by then. */
export const HEISEI_END = "2019-04-30";
/** A year of the 令和 era, or a western year after 2019 (「令和元年」「令和2(2020)年」「2021年」). */
const LATER_YEAR = /令和\s*(元|[0-9]{1,2})|20[2-9][0-9]\s*年/u;
/** A year of the 平成 era, the western year in brackets or not (「平成31年」「平成30(2018)年」). */
const HEISEI_YEAR = /平成\s*(元|[0-9]{1,2})\s*(?:[(（]\s*[0-9]{4}\s*[)）]\s*)?年/u;

/**
 * The latest a document can have been written, when its dates tell: one that writes years in 平成 and never in 令和
 * (nor a western year after 2019) was written in the Heisei era, whatever its future dates say (「平成32年3月31日まで」
 * was written before the new era was named). undefined when the dates do not tell.
 */
export function writtenBy(texts: Iterable<string>): string | undefined {
  let heisei = false;
  for (const text of texts) {
    const t = text.normalize("NFKC");
    if (LATER_YEAR.test(t)) return undefined;
    if (!heisei && HEISEI_YEAR.test(t)) heisei = true;
  }
  return heisei ? HEISEI_END : undefined;
}
