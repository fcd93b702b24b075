// The few words around a finding that let an officer find it with Ctrl+F in Word, which shows no
// paragraph numbers: the match, and as much of its sentence on each side as fits about 40 characters.
import type { Snippet } from "../model/finding.js";

/** Characters of the whole snippet (match included) when the sentence is longer. */
export const SNIPPET_CHARS = 40;
/** A match longer than this is cut (its start is what Ctrl+F needs). */
const MATCH_MAX = 30;

const collapse = (s: string): string => s.replace(/\s+/g, " ");

/**
 * `text`: the block as written; [from, to): the sentence; [start, end): the match, all in `text`
 * (UTF-16 offsets). Context is taken evenly from both sides, and what one side lacks the other gets.
 */
export function snippetOf(text: string, from: number, to: number, start: number, end: number): Snippet {
  start = Math.max(from, Math.min(start, to)); end = Math.max(start, Math.min(end, to));
  let match = Array.from(collapse(text.slice(start, end)));
  const cut = match.length > MATCH_MAX;
  if (cut) match = match.slice(0, MATCH_MAX);
  const before = Array.from(collapse(text.slice(from, start)).trimStart());
  const after = Array.from(collapse(text.slice(end, to)).trimEnd());
  const room = Math.max(0, SNIPPET_CHARS - match.length);
  let left = Math.min(before.length, Math.floor(room / 2));
  const right = Math.min(after.length, room - left);
  left = Math.min(before.length, room - right);
  const b = before.slice(before.length - left).join("");
  const a = cut ? "" : after.slice(0, right).join("");
  return {
    before: (left < before.length ? "…" : "") + b,
    match: match.join(""),
    after: a + (cut || right < after.length ? "…" : ""),
  };
}
