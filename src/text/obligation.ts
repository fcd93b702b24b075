// Is a sentence a duty? Judged from its ending: an obligation form (すること, ものとする,
// しなければならない, してはならない …), unless the duty's own predicate is negated
// (不要とする, 求めない, 対象外とする …). 「〜しないこと」「〜してはならない」 are prohibitions:
// duties, not negations. Past-tense narrative (前回は〜であった) is background, never a duty.
import type { SentenceInfo } from "../engine/kinds/kind.js";

/** Built-in obligation endings (normalised text), prohibitions included. */
export const OBLIGATION_ENDINGS = [
  "すること", "こと", "ものとする", "ものとします", "とする", "とします",
  "なければならない", "なければなりません", "ねばならない",
  "てはならない", "ではならない", "てはなりません", "てはいけない",
  "を求める", "を求めます", "求めるものとする", "義務を負う", "義務がある",
  "必要がある", "必要があります", "必要である", "必須とする", "必須である",
  "ください", "されたい", "禁止する", "禁止とする", "禁ずる", "禁じる",
];

/** Endings that are themselves prohibitions. */
const PROHIBITION_ENDINGS = ["てはならない", "ではならない", "てはなりません", "てはいけない", "禁止する", "禁止とする", "禁ずる", "禁じる"];

/** Built-in negations of a duty, checked at the end of the predicate (before any obligation ending). */
export const NEGATION_ENDINGS = [
  "不要", "要しない", "要さない", "求めない", "求めません", "対象外", "対象としない", "除く", "除外する", "除外",
  "必要としない", "必要はない", "必要ない", "問わない", "免除する", "免除", "任意", "しなくてもよい",
  "なくてもよい", "差し支えない", "妨げない", "適用外",
];

/** Plain verbal negation: before こと/ものとする it makes a prohibition, not a negated duty. */
const VERBAL_NEGATION = /(ない|ず|ません)$/;
const PROHIBITION_CORE = /(ない|ないよう|ないように|ず)$/;

const PAST = /(た|だった|でした|ました)$/;
const BACKGROUND_START = /^(前回|従来|これまで|過去|昨年度|前年度|前期)/;

export interface EndingSets {
  obligations: string[];
  negations: string[];
  prohibitions: string[];
  /** Negations that only count when they end the sentence (user-listed verbal ones like しない). */
  verbalNegations: string[];
}

/** Build the ending lists once per config: built-ins plus the ruleset's `obligations` / `negations`. */
export function endingSets(extraObligations: string[] = [], extraNegations: string[] = [],
  normalizeTerm: (s: string) => string = (s) => s): EndingSets {
  const byLength = (a: string, b: string) => b.length - a.length;
  const negs = [...NEGATION_ENDINGS, ...extraNegations].map(normalizeTerm).filter(Boolean);
  return {
    obligations: [...new Set([...OBLIGATION_ENDINGS, ...extraObligations].map(normalizeTerm).filter(Boolean))].sort(byLength),
    negations: [...new Set(negs.filter((n) => !VERBAL_NEGATION.test(n) || NEGATION_ENDINGS.includes(n)))].sort(byLength),
    prohibitions: PROHIBITION_ENDINGS,
    verbalNegations: [...new Set(negs.filter((n) => VERBAL_NEGATION.test(n) && !NEGATION_ENDINGS.includes(n)))].sort(byLength),
  };
}

const defaultSets = endingSets();

const TRIM_TAIL = /[\s。.!?、,」』"'\]】〕・:：]+$/u;

/** The sentence without its terminator, closing marks and trailing parentheticals. */
export function sentenceTail(sentence: string): string {
  let s = sentence.replace(TRIM_TAIL, "");
  for (let guard = 0; guard < 4; guard++) {
    const m = /[(（][^()（）]*[)）]$/.exec(s);
    if (!m || m.index === 0) break;
    s = s.slice(0, m.index).replace(TRIM_TAIL, "");
  }
  return s.replace(/^[\s「『]+/, "");
}

function endsWithAny(s: string, list: readonly string[]): string | undefined {
  for (const e of list) if (s.endsWith(e)) return e;
  return undefined;
}

/** Judge one sentence (normalised text). */
export function analyseSentence(sentence: string, sets: EndingSets = defaultSets): SentenceInfo {
  const tail = sentenceTail(sentence);
  const ending = endsWithAny(tail, sets.obligations);
  if (ending === undefined) {
    const negated = endsWithAny(tail, sets.negations) !== undefined || endsWithAny(tail, sets.verbalNegations) !== undefined;
    return {
      obligation: false, prohibition: false, negated,
      narrative: PAST.test(tail) || (BACKGROUND_START.test(tail) && !negated),
    };
  }
  const core = tail.slice(0, tail.length - ending.length);
  if (endsWithAny(core, sets.negations) !== undefined || (ending === "とする" && /(ない|ず)$/.test(core) && !/こと$/.test(core))) {
    // 「ログの取得は不要とする」「本業務は対象外とする」「パッチの適用は求めないものとする」
    return { obligation: false, prohibition: false, negated: true, narrative: false };
  }
  const prohibition = sets.prohibitions.includes(ending) || PROHIBITION_CORE.test(core);
  return { obligation: true, prohibition, negated: false, narrative: false };
}
