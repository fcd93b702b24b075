// The analysed document the engine builds once per file (normalised blocks, sentences, term hits) and
// hands to the kinds through their context. Engine types: the kind contract (kinds/kind.ts) re-exports them.
import type { Block } from "../model/document.js";
import type { TermEntry } from "../model/ruleset.js";
import type { NormalizedText } from "../text/normalize.js";
import type { SentenceInfo } from "../text/obligation.js";

export type Within = "sentence" | "block" | "section";

/** One occurrence of a term entry, in normalised offsets of one block. */
export interface Hit {
  entry: TermEntry;
  block: number;
  start: number;
  end: number;
}


export interface Sentence extends SentenceInfo {
  block: number;
  /** Normalised offsets within the block's normalised text. */
  start: number;
  end: number;
  text: string;
  /**
   * For an item under a lead sentence (「受注者は、次の法令等を遵守すること。」 then 「・〇〇情報セキュリティ
   * ポリシー」): that sentence, whose words complete the item's (its verb, its subject).
   */
  lead?: { block: number; start: number; end: number };
}

export interface AnalysedBlock {
  index: number;
  block: Block;
  /** Normalised text (NFKC, variants, CJK spaces and in-sentence line breaks removed). */
  text: string;
  norm: NormalizedText;
  sentences: Sentence[];
  /** Index of the heading block this block sits under (the heading itself for a heading), -1 before any heading. */
  section: number;
}

/** A unit (sentence, block or section) in which a MatchSpec holds. */
export interface UnitMatch {
  within: Within;
  /** The block where the unit's first contributing hit lies (used for location/evidence). */
  block: number;
  /** The sentence, for within: sentence. */
  sentence?: Sentence;
  /** Hits that satisfied `all`/`any`, in document order. */
  hits: Hit[];
}
