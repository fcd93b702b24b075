// Which annexes a document is (its title: 「別紙1 情報セキュリティに関する特記事項」, 「要件定義書」) and which
// it names (「別紙1のとおり」): the links by which files of one folder form a procurement package.
import type { SpecDocument } from "../model/document.js";
import { cmp } from "../model/order.js";
import { annexKeys, mayNameAnnex } from "./annex-titles.js";

export interface AnnexInfo {
  /** Names the document's title gives it (別紙1, 要件定義書, …特記事項), as reference keys. */
  provides: string[];
  /** Names of other documents it refers to, as reference keys. */
  references: string[];
}

/** A sentence hands matters to another document only with words like these (「別紙1のとおり」). */
const DELEGATION = /のとおり|の通り|参照|に定め|に示す|に記載|による|により|に基づ|に従|を遵守|添付/u;
/** The first blocks with text carry the title (「（別紙1）」 then its title line). */
const TITLE_BLOCKS = 2;

/** Names a body sentence delegates to (「…は別紙1「…特記事項」のとおりとする。」). */
function delegatedKeys(text: string): string[] {
  // Most blocks name no annex: done with one test instead of a split into sentences.
  if (!mayNameAnnex(text)) return [];
  return text.split(/(?<=[。．])/u).filter((s) => DELEGATION.test(s)).flatMap(annexKeys);
}

export function annexInfo(doc: SpecDocument): AnnexInfo {
  const withText = doc.blocks.filter((b) => b.text.trim());
  const provides = new Set(withText.slice(0, TITLE_BLOCKS).flatMap((b) => annexKeys(b.text)));
  const references = new Set<string>();
  for (const b of withText.slice(TITLE_BLOCKS)) for (const k of delegatedKeys(b.text)) if (!provides.has(k)) references.add(k);
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

export interface AnnexLink { from: string; to: string; name: string }
export interface PackageSuggestion { folder: string; files: string[]; links: AnnexLink[] }

/** The folder part of a `/`-separated uri ("." for a bare file name). */
function folderOf(uri: string): string {
  const i = uri.lastIndexOf("/");
  return i < 0 ? "." : uri.slice(0, i);
}

/**
 * Files of one folder that name each other (the body's 「別紙1のとおり」 and a file titled 「別紙1 …」)
 * form a suggested package: each connected group of two or more files, body first.
 */
export function suggestPackages(files: readonly { uri: string; info: AnnexInfo }[]): PackageSuggestion[] {
  const out: PackageSuggestion[] = [];
  const folders = new Map<string, { uri: string; info: AnnexInfo }[]>();
  for (const f of files) folders.set(folderOf(f.uri), [...(folders.get(folderOf(f.uri)) ?? []), f]);
  for (const [folder, list] of [...folders].sort(([a], [b]) => cmp(a, b))) {
    const links: AnnexLink[] = [];
    for (const a of list) {
      for (const b of list) {
        if (a === b) continue;
        const name = a.info.references.find((r) => b.info.provides.some((p) => refersTo(r, p)));
        if (name !== undefined) links.push({ from: a.uri, to: b.uri, name });
      }
    }
    // Connected groups (union–find over the links).
    const parent = new Map(list.map((f) => [f.uri, f.uri]));
    const root = (u: string): string => { while (parent.get(u) !== u) u = parent.get(u)!; return u; };
    for (const l of links) parent.set(root(l.from), root(l.to));
    const groups = new Map<string, { uri: string; info: AnnexInfo }[]>();
    for (const f of list) groups.set(root(f.uri), [...(groups.get(root(f.uri)) ?? []), f]);
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      const members = new Set(g.map((f) => f.uri));
      // One procurement has one body (a file no other names) and one file per annex name; a folder of
      // unrelated specs that all cite some 要件定義書 or 別紙2 is not a package.
      const named = new Set(links.filter((l) => members.has(l.from)).map((l) => l.to));
      if (g.filter((f) => !named.has(f.uri)).length !== 1) continue;
      const provided = g.flatMap((f) => f.info.provides);
      if (new Set(provided).size !== provided.length) continue;
      out.push({ folder, files: bodyFirst(g, (f) => f.info).map((f) => f.uri), links: links.filter((l) => members.has(l.from)) });
    }
  }
  return out;
}
