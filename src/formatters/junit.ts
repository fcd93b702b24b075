// JUnit XML for CI dashboards: one testsuite per file, one testcase per active rule.
import type { Finding } from "../model/finding.js";
import { t } from "../i18n/index.js";
import type { FormatOptions, Report } from "./report.js";
import { ruleTitle } from "./report.js";
import { escapeAttr, escapeXml } from "./xml.js";
import { describeSection, describeWhere } from "./where.js";
import { junitPackageSuites } from "./package-view.js";

export function formatJunit(report: Report, opts: FormatOptions): string {
  const { locale } = opts;
  const ruleById = new Map(report.rules.map((r) => [r.id, r]));
  const suites: string[] = [];
  let totalTests = 0, totalFailures = 0, totalErrors = 0;
  for (const f of report.files) {
    const cases: string[] = [];
    let failures = 0, errors = 0;
    if (f.error) {
      errors = 1;
      cases.push(`    <testcase name="${escapeAttr(t("cli.junit.unreadable", {}, locale))}" classname="${escapeAttr(f.uri)}">\n`
        + `      <error type="${escapeAttr(f.error.code)}" message="${escapeAttr(f.error.message)}"/>\n    </testcase>`);
    } else {
      const byRule = new Map<string, Finding[]>();
      for (const x of f.findings) {
        if (x.suppressed || (opts.quiet && x.severity !== "error")) continue;
        const list = byRule.get(x.ruleId) ?? [];
        list.push(x);
        byRule.set(x.ruleId, list);
      }
      // Findings from rules outside the active list (reader notices, unused directives) still get a case.
      const ids = [...report.rules.map((r) => r.id), ...[...byRule.keys()].filter((id) => !ruleById.has(id)).sort()];
      for (const id of ids) {
        const name = ruleTitle(ruleById.get(id), locale);
        const open = `    <testcase name="${escapeAttr(name ? `${id}: ${name}` : id)}" classname="${escapeAttr(f.uri)}"`;
        const found = byRule.get(id);
        if (!found) { cases.push(open + "/>"); continue; }
        failures++;
        const body = found.map((x) => {
          const section = describeSection(x.sectionPath);
          return `${describeWhere(x.location, f.format, locale)}${section ? ` (${section})` : ""}: ${x.message}`;
        }).join("\n");
        cases.push(`${open}>\n      <failure type="${escapeAttr(found[0].severity)}" message="${escapeAttr(found[0].message)}">`
          + `${escapeXml(body)}</failure>\n    </testcase>`);
      }
    }
    const tests = cases.length;
    totalTests += tests; totalFailures += failures; totalErrors += errors;
    suites.push(`  <testsuite name="${escapeAttr(f.uri)}" tests="${tests}" failures="${failures}" errors="${errors}">\n`
      + cases.join("\n") + `\n  </testsuite>`);
  }
  const packages = junitPackageSuites(report, locale);
  suites.push(...packages.suites);
  totalTests += packages.tests; totalFailures += packages.failures;
  return `<?xml version="1.0" encoding="UTF-8"?>\n`
    + `<testsuites name="chotatsu-lint" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}">\n`
    + suites.join("\n") + (suites.length ? "\n" : "") + `</testsuites>\n`;
}
