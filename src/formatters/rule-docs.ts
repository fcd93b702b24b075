// Links from machine formats (SARIF helpUri, rdjson code.url) into the generated rule pages.
// docs/rules/<ruleset>.md has one `<a id="rule-id">` anchor per rule (src/config/docs.ts). The pages
// ship in the package, so without a configured `docsUrl:` the links open the installed copy.
import { pathToFileURL } from "node:url";
import { join } from "node:path";

export interface RuleDocsOptions {
  /** Config `docsUrl:`: where docs/rules/ is published. */
  docsUrl?: string;
  /** Ruleset id → its generated page name (the built-in rulesets). */
  documented: ReadonlyMap<string, string>;
  packageRoot: string;
}

/** The base every page name is appended to, ending in "/". */
export function ruleDocsBase(o: Pick<RuleDocsOptions, "docsUrl" | "packageRoot">): string {
  const base = o.docsUrl ?? pathToFileURL(join(o.packageRoot, "docs", "rules")).href;
  return base.endsWith("/") ? base : base + "/";
}

/** The page and anchor of one rule, or undefined when its ruleset has no generated page. */
export function ruleHelpUri(rulesetId: string, ruleId: string, o: RuleDocsOptions): string | undefined {
  const page = o.documented.get(rulesetId);
  if (page === undefined) return undefined;
  return `${ruleDocsBase(o)}${encodeURIComponent(page)}.md#${encodeURIComponent(ruleId)}`;
}
