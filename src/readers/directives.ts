// Inline suppression directives written as HTML comments in Markdown (and usable by any text
// reader): `<!-- chotatsu-lint-disable-next-line RULE, RULE2 -- 理由 -->`. The reader only records
// them; src/engine/suppress.ts decides what they suppress.
import type { Block, Directive } from "../model/document.js";
import type { LineIndex } from "./positioned.js";

const DIRECTIVE = /^chotatsu-lint-(disable-next-line|disable-file|disable|enable)(?=\s|$)([\s\S]*)$/;

/** The directive in one HTML comment, without its location; undefined for any other HTML. */
export function parseDirectiveComment(html: string): Omit<Directive, "location"> | undefined {
  const comment = /^<!--([\s\S]*?)-->\s*$/.exec(html.trim());
  if (!comment) return undefined;
  const match = DIRECTIVE.exec(comment[1]!.trim());
  if (!match) return undefined;
  const kind = match[1] as Directive["kind"];
  // The reason follows " -- "; full-width "－－" is accepted since IMEs produce it.
  const [rulePart, ...reasonParts] = match[2]!.split(/\s(?:--|－－)(?:\s|$)/);
  const rules = (rulePart ?? "")
    .split(/[\s,、，]+/)
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const reason = reasonParts.join(" -- ").trim();
  return reason ? { kind, rules, reason } : { kind, rules };
}

/**
 * A disable-next-line covers the block that starts on the next non-blank line after the
 * comment; where no block starts there (the comment is the last thing in the file, or the next
 * line is not prose), it covers that line alone.
 */
export function resolveNextLineTargets(
  directives: Directive[],
  blocks: Block[],
  index: LineIndex,
  source: string,
): void {
  for (const directive of directives) {
    if (directive.kind !== "disable-next-line") continue;
    const next = nextNonBlankLine(directive.location.endLine, index, source);
    if (next === undefined) continue;
    const block = blocks.find((b) => b.location.line <= next && next <= b.location.endLine && b.location.line > directive.location.endLine);
    directive.targetLines = block ? { from: block.location.line, to: block.location.endLine } : { from: next, to: next };
  }
}

function nextNonBlankLine(afterLine: number, index: LineIndex, source: string): number | undefined {
  for (let line = afterLine + 1; line <= index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = source.indexOf("\n", start);
    const text = source.slice(start, end < 0 ? source.length : end);
    if (text.trim() !== "") return line;
  }
  return undefined;
}
