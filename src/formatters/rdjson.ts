// Reviewdog Diagnostic Format, rdjson flavour (`reviewdog -f=rdjson`): one DiagnosticResult.
// Field names and semantics follow reviewdog's proto/rdf/reviewdog.proto: positions are 1-based,
// columns count UTF-8 bytes, the end position is exclusive, and a range without columns is linewise.
import type { Finding } from "../model/finding.js";
import type { FormatOptions, Report, RuleInfo } from "./report.js";
import { visibleFindings } from "./report.js";
import { describeSection, withWordParagraph } from "./where.js";
import { decodeText } from "../readers/decode.js";

const SEVERITY = { error: "ERROR", warning: "WARNING", info: "INFO" } as const;

/** reviewdog puts links into review comments: only a published page (config `docsUrl:`) helps there. */
function webUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//.test(url) ? url : undefined;
}

interface Position { line: number; column?: number }
interface Diagnostic {
  message: string;
  location: { path: string; range?: { start: Position; end?: Position } };
  severity: (typeof SEVERITY)[keyof typeof SEVERITY];
  code: { value: string; url?: string };
}

/** The 1-based UTF-8 byte column of a 1-based UTF-16 column on `line` (past the end: counted as ASCII). */
export function utf8Column(line: string, utf16Column: number): number {
  const prefix = line.slice(0, utf16Column - 1);
  return Buffer.byteLength(prefix, "utf8") + Math.max(0, utf16Column - 1 - prefix.length) + 1;
}

/** The file's lines as the readers decoded them (same newline handling), or null (stdin, Word). */
async function sourceLines(uri: string, format: string | null, opts: FormatOptions): Promise<string[] | null> {
  if (format === "docx" || !opts.readSource) return null;
  const bytes = await opts.readSource(uri);
  if (!bytes) return null;
  try {
    return decodeText(bytes).text.split("\n");
  } catch {
    return null;
  }
}

function range(x: Finding, lines: string[] | null): { start: Position; end?: Position } | undefined {
  const l = x.location;
  if (!l) return undefined;
  // Without the text, byte columns cannot be known: give whole lines rather than wrong columns.
  if (!lines) return { start: { line: l.line }, end: { line: l.endLine } };
  return {
    start: { line: l.line, column: utf8Column(lines[l.line - 1] ?? "", l.column) },
    end: { line: l.endLine, column: utf8Column(lines[l.endLine - 1] ?? "", l.endColumn) },
  };
}

export async function formatRdjson(report: Report, opts: FormatOptions): Promise<string> {
  const rules = new Map<string, RuleInfo>(report.rules.map((r) => [r.id, r]));
  const diagnostics: Diagnostic[] = [];
  for (const f of report.files) {
    if (f.error) {
      diagnostics.push({ message: f.error.message, location: { path: f.uri }, severity: "ERROR", code: { value: `chotatsu-lint/${f.error.code}` } });
      continue;
    }
    const shown = visibleFindings(f, opts.quiet);
    if (!shown.length) continue;
    const lines = await sourceLines(f.uri, f.format, opts);
    for (const x of shown) {
      // Word positions are paragraph ordinals, not lines: name the paragraph, comment on the file.
      const docx = f.format === "docx";
      let message = withWordParagraph(x.message, f.format, x.location, opts.locale);
      const section = describeSection(x.sectionPath);
      if (section) message += `\n${section}`;
      if (x.suggestion) message += `\n${x.suggestion}`;
      const where = docx ? undefined : range(x, lines);
      const url = webUrl(rules.get(x.ruleId)?.helpUri);
      diagnostics.push({
        message,
        location: { path: f.uri, ...(where ? { range: where } : {}) },
        severity: SEVERITY[x.severity],
        code: { value: x.ruleId, ...(url ? { url } : {}) },
      });
    }
  }
  const home = webUrl(report.tool.informationUri);
  const source = { name: report.tool.name, ...(home ? { url: home } : {}) };
  return JSON.stringify({ source, diagnostics }, null, 2) + "\n";
}
