// Meaning-preserving rewrites of a specification's wording, for the wording-invariance check
// (scripts/eval-wording.mjs). Real specifications differ from ours in exactly these ways: which word
// names the contractor and the orderer, whether a duty ends in 「こと」 or 「ものとする」, and whether
// the officer writes 及び or および. A reviewer's judgement does not move with any of them, so the
// linter's must not either; every judgement that does move points at a class of wording the rules miss.
//
// Each rewrite is a function from a document's text (and { markdown }: whether it is Markdown) to the
// rewritten text, or undefined when it does not apply to that document (its words are not there, or the replacement word is already used and
// would merge two parties).

/** Words that name the contractor, longest first so a compound is counted before its tail. */
// Not 委託先: inside 再委託先 it names the subcontractor.
const CONTRACTOR_WORDS = ["受注事業者", "受託事業者", "受注者", "受託者", "請負者", "契約者"];
/** What the contractor's word becomes, in order of preference. */
const CONTRACTOR_TARGETS = ["受託者", "受注者", "請負者"];
const ORDERER_WORDS = ["発注者", "委託者", "発注者側"];
const ORDERER_TARGETS = ["委託者", "発注者"];

/** The word among `words` used most often in `text` (at least 3 times), counting each place once. */
function dominant(text, words) {
  const counts = new Map(words.map((w) => [w, 0]));
  const taken = new Array(text.length).fill(false);
  for (const w of words) {
    let i = text.indexOf(w);
    while (i >= 0) {
      if (!taken[i]) {
        counts.set(w, counts.get(w) + 1);
        for (let k = i; k < i + w.length; k++) taken[k] = true;
      }
      i = text.indexOf(w, i + w.length);
    }
  }
  const [word, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return n >= 3 ? word : undefined;
}

/** Replaces the document's party word by another one it does not use yet. */
function swapParty(words, targets) {
  return (text) => {
    const from = dominant(text, words);
    if (!from) return undefined;
    const to = targets.find((t) => t !== from && !text.includes(t));
    return to ? text.split(from).join(to) : undefined;
  };
}

/** 甲 / 乙 spelled out as 発注者 / 受注者 (only in documents that do not use those words already). */
function spellOutKou(text) {
  if (!/乙は|乙が|乙の/.test(text) || /受注者|発注者/.test(text)) return undefined;
  return text.replace(/甲(?=[はがのにをへとも、。）」])/g, "発注者").replace(/乙(?=[はがのにをへとも、。）」])/g, "受注者");
}

/** A duty's closing verb in its plain form: 「行うこと。」 → 「行うものとする。」 and back. */
const PLAIN_END = "(?<=[うくぐすずつぬぶむるい])";
function kotoToMono(text) {
  const out = text.replace(new RegExp(`${PLAIN_END}こと(?=[。\\n]|$)`, "gm"), "ものとする");
  return out === text ? undefined : out;
}
function monoToKoto(text) {
  const out = text.replace(/ものとする(?=[。\n]|$)/gm, "こと");
  return out === text ? undefined : out;
}

/** Kanji and kana spellings officers use interchangeably (公用文 prefers the first column in some and the second in others). */
const NOTATION = [
  ["及び", "および"], ["又は", "または"], ["並びに", "ならびに"], ["若しくは", "もしくは"],
  ["速やかに", "すみやかに"], ["直ちに", "ただちに"], ["但し", "ただし"], ["全て", "すべて"],
  ["予め", "あらかじめ"], ["既に", "すでに"], ["於いて", "おいて"], ["係る", "かかる"],
  ["行う", "行なう"], ["行わ", "行なわ"], ["従って", "したがって"], ["当たって", "あたって"],
];
function notation(direction) {
  return (text) => {
    let out = text;
    for (const pair of NOTATION) {
      const [from, to] = direction === "kana" ? pair : [pair[1], pair[0]];
      out = out.split(from).join(to);
    }
    return out === text ? undefined : out;
  };
}

/** ASCII digits beside Japanese text written full-width (「24時間」 → 「２４時間」), as many Word drafts do. */
function fullWidthDigits(text) {
  const out = text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])[0-9]+|[0-9]+(?=[\u3000-\u9fff\uff00-\uffef])/g, (d) =>
    String.fromCharCode(...[...d].map((c) => c.charCodeAt(0) + 0xfee0)),
  );
  return out === text ? undefined : out;
}

/** The comma after the sentence's subject dropped (「受注者は、…」 → 「受注者は…」), as many drafts write it. */
function subjectComma(text) {
  const out = text.replace(/(受注者|受託者|請負者|発注者|委託者|乙|甲|事業者)(は|が)、/g, "$1$2");
  return out === text ? undefined : out;
}

/** A heading's own numbering label (「1」「1.」「1.2」「(1)」「第1章」「第1」「ア」「①」) at its start. */
const HEADING_LABEL = /^(第[0-9０-９一二三四五六七八九十]+[章節条款]?|[0-9０-９]+(\.[0-9０-９]+)*\.?|[(（][0-9０-９ア-ン]+[)）]|[ア-ン][.．]?|[①-⑳])[ 　]*/u;

/**
 * Markdown headings numbered in another style (第1 / 1.1 / (1) by depth instead of the document's own), as
 * issuers number chapters differently; titles and the heading levels stay.
 */
function headingNumbers(text, { markdown }) {
  if (!markdown) return undefined;
  const counters = [0, 0, 0, 0, 0, 0, 0];
  let changed = false;
  const out = text.split("\n").map((line) => {
    const m = /^(#{2,6}) (.*)$/.exec(line);
    if (!m || !HEADING_LABEL.test(m[2])) return line;
    const depth = m[1].length;
    counters[depth]++;
    for (let d = depth + 1; d < counters.length; d++) counters[d] = 0;
    const n = counters[depth];
    const label = depth === 2 ? `第${n}` : depth === 3 ? `${counters[2]}.${n}` : `(${n})`;
    changed = true;
    return `${m[1]} ${label} ${m[2].replace(HEADING_LABEL, "")}`;
  });
  return changed ? out.join("\n") : undefined;
}

/** Bulleted Markdown items numbered and numbered ones bulleted (「- 」 ↔ 「1. 」). */
function listMarkers(text, { markdown }) {
  if (!markdown) return undefined;
  let k = 0;
  const out = text.split("\n").map((line) => {
    const bullet = /^(\s*)[-*] (.*)$/.exec(line);
    if (bullet) return `${bullet[1]}${++k}. ${bullet[2]}`;
    const ordered = /^(\s*)[0-9]+\. (.*)$/.exec(line);
    if (ordered) { k = 0; return `${ordered[1]}- ${ordered[2]}`; }
    k = 0;
    return line;
  });
  const joined = out.join("\n");
  return joined === text ? undefined : joined;
}

/**
 * Commas and full stops written 「，」「．」 instead of 「、」「。」, as many ministries, universities and research
 * bodies write them (公用文作成の要領 allowed both until 2022; 「、」 is the default since).
 */
function commaPeriod(text) {
  const out = text.replace(/、/g, "，").replace(/。/g, "．");
  return out === text ? undefined : out;
}

/** 1–99 in kanji numerals (「24」 → 「二十四」). */
function kanjiNumber(n) {
  const d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  const tens = Math.floor(n / 10), ones = n % 10;
  return (tens ? (tens === 1 ? "" : d[tens]) + "十" : "") + d[ones];
}
/**
 * Periods and deadlines in kanji numerals (「1年以上」 → 「一年以上」, 「24時間以内」 → 「二十四時間以内」), as 特記事項
 * and contract clauses often write them.
 */
function kanjiNumerals(text) {
  const out = text.replace(/(?<![0-9０-９.．])([1-9][0-9]?)(?=(年|か月|ヶ月|箇月|カ月|月|週間|日|営業日|開庁日|時間|分)(以内|以上|間|ごと|毎|に1回|前|後|を超え))/g,
    (m) => kanjiNumber(Number(m)));
  return out === text ? undefined : out;
}

export const REWRITES = {
  "contractor word (受注者 ↔ 受託者 ↔ 請負者)": swapParty(CONTRACTOR_WORDS, CONTRACTOR_TARGETS),
  "orderer word (発注者 ↔ 委託者)": swapParty(ORDERER_WORDS, ORDERER_TARGETS),
  "甲乙 spelled out": spellOutKou,
  "duty ending こと → ものとする": kotoToMono,
  "duty ending ものとする → こと": monoToKoto,
  "kana notation (及び → および …)": notation("kana"),
  "kanji notation (および → 及び …)": notation("kanji"),
  "full-width digits": fullWidthDigits,
  "no comma after the subject (受注者は、 → 受注者は)": subjectComma,
  "heading numbers restyled (第1 / 1.1 / (1))": headingNumbers,
  "list markers swapped (- ↔ 1.)": listMarkers,
  "「，」「．」 for 「、」「。」": commaPeriod,
  "kanji numerals in periods (1年 → 一年)": kanjiNumerals,
};
