// `chotatsu-lint annotate IN.docx -o OUT.docx`: lint one Word file and save a copy in which every
// finding is a Word comment on the paragraph it names, so an officer reviews it where they write.
// The file is linted in the worker pool under the same time budget and heap limit as a lint run,
// without the comments an earlier annotate wrote; those are replaced, so running it on its own
// output gives the same file.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { ResolvedConfig } from "../../model/ruleset.js";
import type { Finding } from "../../model/finding.js";
import { t, type Locale } from "../../i18n/index.js";
import { UsageError } from "../options.js";
import type { Io } from "../io.js";
import { DEFAULT_HEAP_MB, DEFAULT_MAX_FILE_BYTES, DEFAULT_TIMEOUT_MS } from "../run-lint.js";
import { LintPool } from "../pool.js";
import { writeAtomic } from "../output.js";
import { describePlace, sectionLine, shownSnippet } from "../../formatters/place.js";
import { annotateDocx, type CommentNote, type CommentRun } from "../../writers/docx/annotate.js";

export interface AnnotateRunOptions {
  cwd: string;
  input: string;
  output: string | undefined;
  locale: Locale;
  debug: boolean;
  requireReason: boolean;
  maxFileBytes: number | undefined;
  /** Time budget for linting the file (--timeout), as for a lint run. */
  timeoutMs?: number;
}

export const COMMENT_AUTHOR = "chotatsu-lint";

const plain = (text: string): CommentRun[] => [{ text }];

/**
 * 「[重大度] rule-id: message」, 「場所: 段落 N（章 > 節）」, 「該当箇所: …」 with the matched words in
 * bold, then 「例文: suggestion」; one comment paragraph per line.
 */
export function commentLines(f: Finding, locale: Locale): CommentRun[][] {
  const severity = t(`cli.severity.${f.severity}`, {}, locale);
  const lines = [plain(t("annotate.comment.head", { severity, rule: f.ruleId, message: f.message }, locale))];
  const place = describePlace(f, "docx", locale);
  const section = sectionLine(f, locale);
  lines.push(plain(t(section ? "annotate.comment.placeIn" : "annotate.comment.place", { place, section }, locale)));
  const s = shownSnippet(f);
  if (s) {
    const [pre = "", post = ""] = t("report.snippet", { text: "\uE002" }, locale).split("\uE002");
    lines.push([{ text: pre + s.before }, { text: s.match, bold: true }, { text: s.after + post }].filter((r) => r.text));
  }
  const suggestion = f.suggestion?.trim();
  if (suggestion) lines.push(...t("annotate.comment.example", { suggestion }, locale).split("\n").map(plain));
  return lines;
}

/**
 * Where the comment hangs: a body finding on its paragraph; a footnote, endnote, text box or comment
 * on the body paragraph that holds it; a clause found nowhere on the heading of its chapter when the
 * document has one; a header, footer or whole-document finding without a chapter on the title.
 */
export function commentNote(f: Finding, locale: Locale): CommentNote {
  const loc = f.location;
  const region = loc?.region ?? "body";
  let ordinal: CommentNote["ordinal"] = "title";
  if (loc && f.scope === "document") ordinal = f.sectionPath?.length ? loc.line : "title";
  else if (loc && region === "body") ordinal = loc.line;
  else if (loc?.host !== undefined) ordinal = loc.host;
  return { ordinal, lines: commentLines(f, locale) };
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const real = async (p: string) => fs.realpath(p).catch(() => p);
  return (await real(a)) === (await real(b));
}

export async function runAnnotate(o: AnnotateRunOptions, config: ResolvedConfig, io: Io): Promise<number> {
  if (!o.output) throw new UsageError("annotate.noOutput");
  const input = path.resolve(o.cwd, o.input);
  const output = path.resolve(o.cwd, o.output);
  if (path.extname(input).toLowerCase() !== ".docx") throw new UsageError("annotate.notDocx", { file: o.input });
  if (await samePath(input, output)) throw new UsageError("annotate.sameFile", { file: o.input });

  const maxFileBytes = o.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const pool = new LintPool({ jobs: 1, timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxOldGenerationSizeMb: DEFAULT_HEAP_MB, preload: ["docx"] });
  let result;
  try {
    [result] = await pool.run([{ kind: "file", uri: o.input, path: input, withoutCommentsBy: COMMENT_AUTHOR }], {
      config, readOptions: o.maxFileBytes !== undefined ? { maxDocxBytes: o.maxFileBytes } : {},
      maxFileBytes, requireReason: o.requireReason, locale: o.locale, debug: o.debug,
    });
  } finally {
    pool.close();
  }
  if (!result || result.error) {
    const error = result?.error ?? { code: "internal", message: "" };
    io.err(t("cli.stylish.unreadable", { file: o.input, code: error.code, message: error.message }, o.locale) + "\n");
    return 2;
  }
  const findings = result.findings.filter((f) => !f.suppressed);
  // The worker has read these same bytes within the budget; writing is a linear pass over them.
  const bytes = new Uint8Array(await fs.readFile(input));
  const annotated = annotateDocx(bytes, findings.map((f) => commentNote(f, o.locale)), { author: COMMENT_AUTHOR, initials: "CL" });
  await writeAtomic(output, annotated);
  io.out(t("annotate.done", { count: findings.length, file: o.output }, o.locale) + "\n");
  return 0;
}
