// Removes the comments an earlier `annotate` run wrote (recognised by their author), so a run on an
// annotated copy replaces them instead of adding a second set: the comment, its range marks and
// reference run in the document, and its entries in the parts modern Word keeps beside comments.
// The parts themselves, their relationships and content types stay, so writing the same comments
// again gives the same bytes. Comments by anyone else are never touched.
import { scanTags } from "./xml-tags.js";
import { escapeXml } from "./package-parts.js";

export interface Stripped { ids: Set<string>; paraIds: Set<string>; durableIds: Set<string> }

/** `<w:comment w:author="author">…</w:comment>` elements: removed from the text, their ids and paraIds returned. */
export function stripCommentsPart(xml: string, author: string): { xml: string; stripped: Stripped } {
  const stripped: Stripped = { ids: new Set(), paraIds: new Set(), durableIds: new Set() };
  const cuts: [number, number][] = [];
  let open: { start: number; id: string } | null = null;
  let depth = 0;
  const authorAttr = `w:author="${escapeXml(author)}"`;
  scanTags(xml, (tag) => {
    if (tag.name !== "w:comment") return;
    if (tag.kind === "open") {
      const head = xml.slice(tag.start, tag.end);
      if (depth === 0 && head.includes(authorAttr)) {
        const id = /\sw:id="([^"]*)"/.exec(head)?.[1];
        if (id !== undefined) {
          if (tag.selfClosing) { cuts.push([tag.start, tag.end]); stripped.ids.add(id); return; }
          open = { start: tag.start, id };
        }
      }
      if (!tag.selfClosing) depth++;
    } else {
      depth--;
      if (depth === 0 && open) {
        cuts.push([open.start, tag.end]);
        stripped.ids.add(open.id);
        for (const m of xml.slice(open.start, tag.end).matchAll(/\sw14:paraId="([0-9A-Fa-f]{8})"/g)) stripped.paraIds.add(m[1]!.toUpperCase());
        open = null;
      }
    }
  });
  let out = xml;
  for (const [a, b] of cuts.reverse()) out = out.slice(0, a) + out.slice(b);
  return { xml: out, stripped };
}

const attrIs = (name: string, values: Set<string>) => (tag: string): boolean => {
  const v = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return v !== undefined && values.has(v.toUpperCase());
};

/** The range marks and reference runs of comments `ids` in the document part. */
export function stripAnchors(xml: string, ids: Set<string>): string {
  if (!ids.size) return xml;
  const ours = attrIs("w:id", new Set([...ids].map((s) => s.toUpperCase())));
  return xml
    .replace(/<w:r\b[^>]*>(?:<w:rPr>(?:(?!<\/w:rPr>)[^])*<\/w:rPr>)?<w:commentReference\b[^>]*\/><\/w:r>/g, (run) => {
      const ref = /<w:commentReference\b[^>]*\/>/.exec(run)![0];
      return ours(ref) ? "" : run;
    })
    .replace(/<w:comment(?:RangeStart|RangeEnd)\b[^>]*\/>/g, (mark) => (ours(mark) ? "" : mark));
}

/** Entries of commentsExtended / commentsIds / commentsExtensible belonging to the stripped comments. */
export function stripExtraEntries(xml: string, s: Stripped): string {
  const byPara = attrIs("w15:paraId", s.paraIds);
  const ids = /<w16cid:commentId\b[^>]*\/>/g;
  // A durable id is found through commentsIds, which is stripped before commentsExtensible.
  let out = xml.replace(/<w15:commentEx\b[^>]*\/>/g, (e) => (byPara(e) ? "" : e));
  out = out.replace(ids, (e) => {
    if (!attrIs("w16cid:paraId", s.paraIds)(e)) return e;
    const d = /\sw16cid:durableId="([^"]*)"/.exec(e)?.[1];
    if (d) s.durableIds.add(d.toUpperCase());
    return "";
  });
  return out.replace(/<w16cex:commentExtensible\b[^>]*?(?:\/>|>(?:(?!<\/w16cex:commentExtensible>)[^])*<\/w16cex:commentExtensible>)/g,
    (e) => (attrIs("w16cex:durableId", s.durableIds)(e) ? "" : e));
}
