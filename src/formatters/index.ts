// Format name → formatter, each loaded only when asked for (start-up time matters for a CLI).
import type { Formatter } from "./report.js";

export const FORMAT_NAMES = ["stylish", "json", "sarif", "github", "junit", "html", "gitlab", "rdjson"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(s: string): s is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(s);
}

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case "stylish": return (await import("./stylish.js")).formatStylish;
    case "json": return (await import("./json.js")).formatJson;
    case "sarif": return (await import("./sarif.js")).formatSarif;
    case "github": return (await import("./github.js")).formatGithub;
    case "junit": return (await import("./junit.js")).formatJunit;
    case "html": return (await import("./html.js")).formatHtml;
    case "gitlab": return (await import("./gitlab.js")).formatGitlab;
    case "rdjson": return (await import("./rdjson.js")).formatRdjson;
  }
}
