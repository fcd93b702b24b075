// compare's formats, each loaded only when asked for.
import type { CompareFormatOptions, CompareReport } from "./describe.js";

export const COMPARE_FORMATS = ["stylish", "json", "html", "sarif"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export function isCompareFormat(value: string): value is CompareFormat {
  return (COMPARE_FORMATS as readonly string[]).includes(value);
}

export async function formatComparison(format: CompareFormat, report: CompareReport, opts: CompareFormatOptions): Promise<string> {
  switch (format) {
    case "stylish": return (await import("./stylish.js")).formatCompareStylish(report, opts);
    case "json": return (await import("./json.js")).formatCompareJson(report);
    case "html": return (await import("./html.js")).formatCompareHtml(report, opts);
    case "sarif": return (await import("./sarif.js")).formatCompareSarif(report, opts);
  }
}
