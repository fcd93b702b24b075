// Renders a Markdown specification as text pasted from a PDF, the form about a third of real specs
// reach the linter in: marks stripped, a hard line break every `width` characters (inside words and
// numbers too), a page number every `linesPerPage` lines, optionally with a running header. The
// format-robustness check (scripts/eval-formats.mjs) lints both and compares the judgements.

const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;

/**
 * @param {string} markdown
 * @param {{ width?: number, linesPerPage?: number, header?: string, pageNumber?: (n: number) => string }} [opts]
 */
export function pdfText(markdown, { width = 38, linesPerPage = 40, header, pageNumber = (n) => `- ${n} -` } = {}) {
  const out = [];
  let onPage = 0;
  let page = 1;
  const emit = (line) => {
    out.push(line);
    if (++onPage < linesPerPage) return;
    out.push("", pageNumber(page++), "");
    if (header) out.push(header, "");
    onPage = 0;
  };
  for (const raw of markdown.split("\n")) {
    if (TABLE_RULE.test(raw)) continue;
    let line = raw.trimEnd().replace(/^#{1,6}\s+/, "").replace(/^(\s*)[-*+]\s+/, "$1・").replaceAll("**", "");
    if (line.startsWith("|")) line = line.replace(/^\||\|$/g, "").split("|").map((c) => c.trim()).join("\u3000");
    if (!line.trim()) { emit(""); continue; }
    while ([...line].length > width) {
      const chars = [...line];
      emit(chars.slice(0, width).join(""));
      line = chars.slice(width).join("");
    }
    emit(line);
  }
  return `${out.join("\n")}\n`;
}
