// Suppression directives written as Word comments:
//   chotatsu-lint-disable RULE[, RULE2] -- 理由
// on a paragraph range (disable-block) or on the title paragraph (disable-file).
import type { Directive, Location } from "../../model/document.js";
import type { CommentAnchor, RawParagraph } from "./story.js";
import { asciiWidth } from "../../text/heading-patterns.js";

const DIRECTIVE = /^\s*chotatsu-lint-disable(?![\w-])(.*)$/;

export function parseDirectiveText(text: string): { rules: string[]; reason?: string } | undefined {
  const first = asciiWidth(text.split("\n")[0] ?? "");
  const m = DIRECTIVE.exec(first);
  if (!m) return undefined;
  const body = m[1]!;
  const sep = body.indexOf("--");
  const rulePart = sep >= 0 ? body.slice(0, sep) : body;
  const reason = sep >= 0 ? body.slice(sep + 2).trim() : "";
  const rules = rulePart.split(/[\s,、]+/).filter((r) => r.length > 0);
  return reason ? { rules, reason } : { rules };
}

/** One directive per comment whose text starts with the keyword; anchored comments only. */
export function commentDirectives(
  comments: RawParagraph[],
  anchors: Map<string, CommentAnchor>,
  titleOrdinal: number | undefined,
  bodyTexts: Map<number, string>,
): Directive[] {
  const textById = new Map<string, string[]>();
  for (const p of comments) {
    if (p.commentId === undefined) continue;
    const list = textById.get(p.commentId) ?? [];
    list.push(p.text);
    textById.set(p.commentId, list);
  }
  const out: Directive[] = [];
  for (const [id, texts] of textById) {
    const parsed = parseDirectiveText(texts.join("\n"));
    if (!parsed) continue;
    const a = anchors.get(id);
    const from = a?.from ?? a?.ref;
    if (from === undefined) continue;
    const to = Math.max(from, a?.to ?? a?.ref ?? from);
    const location: Location = {
      line: from, column: 1, endLine: to, endColumn: (bodyTexts.get(to)?.length ?? 0) + 1,
      paragraph: from, region: "body", table: null,
    };
    const fileWide = titleOrdinal !== undefined && from === titleOrdinal && to === titleOrdinal;
    out.push({ kind: fileWide ? "disable-file" : "disable-block", ...parsed, location, targetLines: { from, to } });
  }
  return out;
}
