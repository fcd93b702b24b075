// Which annexes a document is (its title: 「別紙1 情報セキュリティに関する特記事項」, 「要件定義書」) and which
// it names (「別紙1のとおり」): the links by which files of one folder form a procurement package.
import type { SpecDocument } from "../model/document.js";
import { referenceKey } from "./kinds/reference.js";

export interface AnnexInfo {
  /** Names the document's title gives it (別紙1, 要件定義書, …特記事項), as reference keys. */
  provides: string[];
  /** Names of other documents it refers to, as reference keys. */
  references: string[];
}

const NUMBERED = /(?:別紙|別添|別冊|別記|付属文書)\s*[0-9０-９〇一二三四五六七八九十]+/gu;
const NAMED = /要件定義書|[^\s、。，．「」『』（）()【】]{0,30}特記事項/gu;
/** The first blocks with text carry the title (「（別紙1）」 then its title line). */
const TITLE_BLOCKS = 2;

function keys(text: string): string[] {
  const s = text.normalize("NFKC");
  return [...s.matchAll(NUMBERED), ...s.matchAll(NAMED)].map((m) => referenceKey(m[0]));
}

export function annexInfo(doc: SpecDocument): AnnexInfo {
  const withText = doc.blocks.filter((b) => b.text.trim());
  const provides = new Set(withText.slice(0, TITLE_BLOCKS).flatMap((b) => keys(b.text)));
  const references = new Set<string>();
  for (const b of withText.slice(TITLE_BLOCKS)) for (const k of keys(b.text)) if (!provides.has(k)) references.add(k);
  return { provides: [...provides].sort(), references: [...references].sort() };
}

/** Does a reference key name what a title provides? 「特記事項」 alone is too vague to link anything. */
export function refersTo(reference: string, provided: string): boolean {
  return reference === provided && reference !== "特記事項";
}

/**
 * Package order: the body (a document no other member's references name) first, then the annexes
 * in the order the body names them; ties keep the given order.
 */
export function bodyFirst<T>(items: readonly T[], info: (x: T) => AnnexInfo): T[] {
  const infos = items.map(info);
  const named = (i: number) => infos.some((o, j) => j !== i && o.references.some((r) => infos[i]!.provides.some((p) => refersTo(r, p))));
  const rank = items.map((_, i) => (named(i) ? 1 : 0));
  return items.map((x, i) => ({ x, i })).sort((a, b) => rank[a.i]! - rank[b.i]! || a.i - b.i).map((e) => e.x);
}
