// Every reader marks a non-heading block's title lines on the model (Block.titleLines) the same way.
import type { Block, BlockKind } from "../model/document.js";
import { titleSpans } from "../text/title-line.js";

/** `{ titleLines }` for a block of `kind` with `text`, or nothing: a heading is a title already. */
export function titleLinesOf(kind: BlockKind, text: string): Pick<Block, "titleLines"> {
  if (kind === "heading") return {};
  const spans = titleSpans(text);
  return spans.length ? { titleLines: spans } : {};
}
