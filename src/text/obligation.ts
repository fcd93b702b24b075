// Is a sentence a duty? Judged from its ending: an obligation form (すること, ものとする,
// しなければならない, してはならない …), unless the duty's own predicate is negated
// (不要とする, 求めない, 対象外とする …). 「〜しないこと」「〜してはならない」 are prohibitions:
// duties, not negations. Past-tense narrative (前回は〜であった) is background, never a duty.

import { isJsSpace } from "./js-space.js";
import { QUESTION_END } from "./title-line.js";

/** How a sentence ends, judged once per document by analyseSentence below. */
export interface SentenceInfo {
  /** Ends in an obligation form (すること, ものとする, してはならない …), prohibitions included. */
  obligation: boolean;
  /** The obligation is a prohibition (してはならない, 〜しないこと). */
  prohibition: boolean;
  /** The duty's own predicate is negated (不要とする, 求めない, 対象外とする …). */
  negated: boolean;
  /** Past-tense background narrative (前回は〜であった, 〜していた). */
  narrative: boolean;
  /**
   * The sentence takes its topic out of the procurement: excluded from the scope, declared not
   * required or not used, or given to another party (「〜は他事業者が行う」; a 対象外 cell of its table row).
   */
  excluded: boolean;
  /** The sentence defers its topic without content (「詳細は協議して定める」「今後検討する」). */
  deferred: boolean;
}

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

/**
 * The sentence takes the duty out of the procurement (labelling.md §1): the topic is excluded from
 * the scope (「診断は本調達の範囲に含まない」「バックアップの取得は求めない」), declared not to be used or
 * required (「クラウドサービスは利用しない」「条件は定めない」「想定していない」), or given to another
 * party (「〜は他事業者が行う」「〜は別途調達する」「〜は発注者が実施する」). Judged on the predicate at
 * the end of the sentence, so 「〜を除き、…してはならない」 stays a prohibition.
 */
/**
 * 「もの」「こと」 count only before とする / である: 「〜を要しないこと」 alone asks something of a product
 * (「クライアントへの再インストールを要しないこと」), it takes nothing out of the procurement.
 */
const EXCLUSION_TAIL = /(範囲外|対象外|適用外|範囲に含まない|範囲に含めない|範囲としない|対象としない|対象に含まない|含まない|含めない|求めない|求めません|要しない|要さない|不要|必要としない|必要はない|想定していない|想定しない|予定していない|参加要件としない|要件としない|問わない)((もの|こと)(とする|とします|である|です)|とする|とします|である|です)?$/u;
/**
 * A bare verbal negation ends an exclusion (「本業務では暗号化は行わない。」), while the same verb
 * before こと / ものとする is a prohibition on the contractor (「USBメモリを利用しないこと」).
 */
const EXCLUSION_VERBAL = /(行わない|実施しない|利用しない|使用しない|採用しない|定めない|設けない|求めない)(予定である)?$/u;
/**
 * What another party does instead of the contractor, at the end of a sentence (after the party's name).
 * Not when the party's verb only qualifies what the sentence's act is done on, with or where (a relative
 * clause): in 「受注者は、発注者が指定する入館手続を行うものとする」「本業務は、本市が指定する場所で実施する
 * ものとする」 the contractor does the work, the orderer only names the procedure or the place; so too when the
 * orderer gives the means or the bound the work is done with (「端末の操作は、町が付与した権限の範囲内で行うものと
 * する」「作業は、本市が貸与した端末で行うものとする」).
 */
export const PARTY_ACT = "(が|において|にて|の責任において|側で)(?![^。、]*?[うくぐすつぬぶむるただ][\\p{Script=Han}\\p{Script=Katakana}][^。、]{0,12}?を|(指定|承認|許可|指示|付与|貸与|支給|配布|設定|割り当て|割当て)(する|した|される|された)[^。、]{0,12}?(で|に|により|に従))(別途)?[^。、]{0,24}(行う|実施する|担当する|対応する|調達する|整備する|構築する|用意する|提供する|行うものとする|実施するものとする|担当するものとする|対応するものとする|提供するものとする|行います|実施します|提供します)$";
/**
 * Another operator is named by its role (基盤事業者, 回線事業者, 運用事業者 …: any 〜事業者 but the contractor's
 * own 受注事業者 / 受託事業者), and what it provides is not the contractor's duty either
 * (「改ざん検知の仕組みは基盤事業者が提供する。」).
 */
const REASSIGNED = new RegExp(String.raw`(他事業者|他の事業者|別の事業者|別事業者|(?<!受注|受託|本|当該|委託先)(?<=[^\s、。「」()（）]{2})事業者|別途調達|別途契約|別調達|別契約|発注者|当省|本省|甲|職員|担当課|当機構|本市|当市|本県|当県|本区|当区)` + PARTY_ACT, "u");
/**
 * The contractor is the one who receives (「データは、受託者に対し本市が指定する方法で提供する」「端末は乙に
 * 貸与する」): the act is the orderer's, not a duty of the contractor.
 */
const RECEIVED = /(受注者|受託者|請負者|乙|受注事業者|受託事業者)(に|には|へ|に対し|に対して)、?[^。]{0,30}(提供|貸与|交付|支給|送付|引き渡|引渡し|手渡し)(する|される|します)(もの(とする|とします))?$/u;
const SEPARATELY = /別途(調達|契約|発注)(する|する予定である|予定|とする|を予定している)$/u;
/**
 * A deferral with no content (labelling.md §2): 「詳細は協議して定める」「今後検討する」「別途指示する」, and details the
 * orderer gives only after the contract (「その詳細は契約締結後に必要な範囲で示す」), or that a later contract will fix
 * (「障害時の対応時間、連絡体制等の詳細は、保守契約の締結時に定める」).
 * The topic is not specified, so it is absent, not partial. Work done after consulting (「…は、必要に応じて
 * 担当者と協議の上行うものとする」) is a duty, as 「協議の上行うこと」 is: only what is fixed by agreement is deferred.
 */
const DEFERRAL_TAIL = /(協議(の上|のうえ|して|により|による)?([^。]{0,8}(定める|決定する|決める)|とする)|別途協議(する|とする|の上決定する)?|別途(定める|決定する|指示する|示す)|今後検討(する|とする|を行う)?|検討中(である|です)?|未定(である|とする|です)?|(詳細|具体的な(内容|方法|事項|要件|手順))(は|については)[、,]?[^。]{0,16}(契約締結後|契約後|受注後|着手時|着手後|後日|契約の?締結(時|の際))[^。]{0,12}(示す|提示する|指示する|定める|通知する))(もの|こと)?(とする|とします)?$/u;
/**
 * A topic only announced for consultation (「操作記録の取得については、必要に応じて発注者と協議する」「移行の方法については、
 * 双方協議するものとする」) is deferred too; a duty to consult (「…について発注者と協議すること」) stays a duty.
 */
const TOPIC_CONSULTED = /については[、,]?[^。]{0,30}協議する(もの(とする|とします))?$/u;

/** Plain verbal negation: before こと/ものとする it makes a prohibition, not a negated duty. */
const VERBAL_NEGATION = /(ない|ず|ません)$/;
const PROHIBITION_CORE = /(ない|ないよう|ないように|ず)$/;

const PAST = /(た|だった|でした|ました)$/;
/** The work's purpose (「本業務は、…ポリシーに基づき…監査し、…水準の向上を図ることを目的とする」): it says why, not what is owed. */
const PURPOSE = /を目的と(する|している|します)$/u;
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

/** Code units of the marks trimmed from a sentence's end (compared as numbers: no one-character string per test). */
const TAIL_MARKS = new Set(Array.from("。.!?、,」』\"'\]】〕・:：", (c) => c.charCodeAt(0)));

/** Without the terminator and closing marks at the end. A loop, not /[…]+$/: that regex is quadratic on a long run of marks. */
function trimTail(s: string): string {
  let end = s.length;
  while (end > 0 && (TAIL_MARKS.has(s.charCodeAt(end - 1)) || isJsSpace(s.charCodeAt(end - 1)))) end--;
  return s.slice(0, end);
}

/** Where a parenthetical closing the text opens (「…こと（詳細は別紙）」), or -1: scanned back, linear in its length. */
function trailingParenthetical(s: string): number {
  const last = s[s.length - 1];
  if (last !== ")" && last !== "）") return -1;
  for (let i = s.length - 2; i >= 0; i--) {
    const c = s[i];
    if (c === "(" || c === "（") return i;
    if (c === ")" || c === "）") return -1;
  }
  return -1;
}

/** The sentence without its terminator, closing marks and trailing parentheticals. */
export function sentenceTail(sentence: string): string {
  let s = trimTail(sentence);
  for (let guard = 0; guard < 4; guard++) {
    const open = trailingParenthetical(s);
    if (open <= 0) break;
    s = trimTail(s.slice(0, open));
  }
  return s.replace(/^[\s「『]+/, "");
}

/**
 * Each ending list's entries grouped by their last character, in list order: a sentence is compared
 * only with the endings that end as it does (every sentence is judged against ~60 endings).
 * Undefined for a list holding an empty ending, which ends every string: such a list is scanned.
 */
const byLastChar = new WeakMap<readonly string[], Map<number, string[]> | undefined>();
function lastCharIndex(list: readonly string[]): Map<number, string[]> | undefined {
  if (byLastChar.has(list)) return byLastChar.get(list);
  let index: Map<number, string[]> | undefined = new Map();
  for (const e of list) {
    if (!e) { index = undefined; break; }
    const c = e.charCodeAt(e.length - 1);
    const bucket = index.get(c);
    if (bucket) bucket.push(e); else index.set(c, [e]);
  }
  byLastChar.set(list, index);
  return index;
}

function endsWithAny(s: string, list: readonly string[]): string | undefined {
  const index = lastCharIndex(list);
  if (!index) {
    for (const e of list) if (s.endsWith(e)) return e;
    return undefined;
  }
  if (!s) return undefined;
  for (const e of index.get(s.charCodeAt(s.length - 1)) ?? []) if (s.endsWith(e)) return e;
  return undefined;
}

/**
 * A duty whose details are deferred in a second clause (「消去は復元が困難な方法によるものとし、具体的な方法は協議の上
 * 定める」「報告は書面によることとし、様式は別途指示する」), also when the first clause fixes a value or a form with a bare
 * 「とし」 (「保存期間は6か月以上とし、具体的な期間は協議して定める」「提出は電子データとし、形式は別途指示する」): the
 * first clause states the content, so the sentence is that duty; only a deferral with no content is absent (labelling.md
 * §2). The first clause is judged on its own, so 「…は本業務の範囲外とし、必要な場合は別途協議する」 stays excluded.
 */
const DUTY_THEN_DEFERRAL = /^(.+?)とし[、,](?!.*とし[、,])/u;

const PLAN_PROPOSAL = /(計画書|実施要領|手順書|提案書)(において|に記載|で|に|の中で|の中に|内で|にて)[^。]{0,20}(提案|記載|示)し/u;

/** Judge one sentence (normalised text). */
export function analyseSentence(sentence: string, sets: EndingSets = defaultSets): SentenceInfo {
  const tail = sentenceTail(sentence);
  const scope = scopeOf(tail);
  const head = scope?.deferred ? DUTY_THEN_DEFERRAL.exec(tail) : null;
  if (head) return analyseSentence(`${head[1]}とする`, sets);
  // Details fixed by agreement on what the contractor proposes in its plan (「具体的な対策は、作業計画書において受注者が
  // 提案し、協議の上定める」): the plan is the content, so this is a duty to write it, not an empty deferral.
  if (scope?.deferred && PLAN_PROPOSAL.test(tail)) return { obligation: true, prohibition: false, negated: false, narrative: false, excluded: false, deferred: false };
  if (scope) return { obligation: false, prohibition: false, negated: true, narrative: false, ...scope };
  const ending = endsWithAny(tail, sets.obligations);
  if (ending === undefined) {
    const negated = endsWithAny(tail, sets.negations) !== undefined || endsWithAny(tail, sets.verbalNegations) !== undefined;
    return {
      obligation: false, prohibition: false, negated,
      // A check point (QUESTION_END) names what an audit examines at the orderer, not what the contractor owes.
      narrative: PAST.test(tail) || QUESTION_END.test(tail) || (BACKGROUND_START.test(tail) && !negated), excluded: false, deferred: false,
    };
  }
  if (PURPOSE.test(tail)) return { obligation: false, prohibition: false, negated: false, narrative: true, excluded: false, deferred: false };
  const core = tail.slice(0, tail.length - ending.length);
  // A bare こと after a negation asks it of the thing delivered (「再インストールを要しないこと」「費用を含まないこと」).
  if ((ending !== "こと" && endsWithAny(core, sets.negations) !== undefined) || (ending === "とする" && /(ない|ず)$/.test(core) && !/こと$/.test(core))) {
    // 「ログの取得は不要とする」「本業務は対象外とする」「パッチの適用は求めないものとする」
    return { obligation: false, prohibition: false, negated: true, narrative: false, excluded: true, deferred: false };
  }
  const prohibition = sets.prohibitions.includes(ending) || PROHIBITION_CORE.test(core);
  return { obligation: true, prohibition, negated: false, narrative: false, excluded: false, deferred: false };
}

/** Exclusion, reassignment or deferral stated by the sentence's predicate, if any. */
export function scopeOf(tail: string): { excluded: boolean; deferred: boolean } | undefined {
  if (EXCLUDING_LAST.has(tail.charCodeAt(tail.length - 1))
    && (EXCLUSION_TAIL.test(tail) || EXCLUSION_VERBAL.test(tail) || REASSIGNED.test(tail) || RECEIVED.test(tail) || SEPARATELY.test(tail))) return { excluded: true, deferred: false };
  if (DEFERRAL_WORDS.some((w) => tail.includes(w)) && (DEFERRAL_TAIL.test(tail) || TOPIC_CONSULTED.test(tail))) return { excluded: false, deferred: true };
  return undefined;
}

/**
 * Every sentence's tail is tried against the patterns above, which are anchored at its end only,
 * so the regex engine tries them from every position of the tail; most tails (「…すること」) can
 * match none. These are necessary conditions, read off the patterns: the last character of each
 * alternative of EXCLUSION_TAIL, EXCLUSION_VERBAL, REASSIGNED and SEPARATELY, and a word that every
 * alternative of DEFERRAL_TAIL and TOPIC_CONSULTED holds. Keep them in step with the patterns.
 */
const EXCLUDING_LAST = new Set(Array.from("外いん要るすう定", (c) => c.charCodeAt(0)));
const DEFERRAL_WORDS = ["協議", "別途", "検討", "未定", "詳細", "具体的な"];
