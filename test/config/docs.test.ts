// docs/rules/*.md are generated from the rulesets; this fails when a ruleset changed without `npm run docs`.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinDocFiles } from "../../src/config/docs-files.js";
import { renderRulesetDoc } from "../../src/config/docs.js";
import { packageRoot, resolveRulesetAsConfig } from "../../src/config/index.js";
import { testKinds } from "./helpers.js";
import { KIND_DOCS_BEGIN, KIND_DOCS_END, renderKindParameters, withKindParameters } from "../../src/config/kind-docs.js";
import { kindRegistry } from "../../src/engine/kinds/index.js";

const fixtures = join(fileURLToPath(new URL(".", import.meta.url)), "fixtures");

describe("docs/rules", () => {
  it("every built-in ruleset's page is current (run `npm run docs`)", async () => {
    const files = await builtinDocFiles();
    expect(Object.keys(files).length).toBeGreaterThan(0);
    for (const [name, text] of Object.entries(files)) {
      const file = join(packageRoot(), "docs", "rules", name);
      expect(existsSync(file), `${file} missing: run npm run docs`).toBe(true);
      expect(readFileSync(file, "utf8"), `${name} is stale: run npm run docs`).toBe(text);
    }
  });

  it("renders a rule's table row, elements, template clause and examples", async () => {
    const config = await resolveRulesetAsConfig(join(fixtures, "docs.yaml"), { kinds: testKinds });
    const md = renderRulesetDoc(config, config.rulesets[0]!, "docs.yaml");
    expect(md).toContain("| [`incident-report`](#incident-report) | error | require | インシデント報告 |");
    expect(md).toContain("- `to-whom` (報告先 / to whom): すべて含む / all of: `$incident` `$report`; 範囲 / within: sentence; 義務の文であること / in obligation form");
    expect(md).toContain("- 充足条件 / Present when: `{\"all\":[\"to-whom\"]}`");
    expect(md).toContain("- 適用条件 / Applies when: any(`system`, not(`cloud`))");
    expect(md).toContain("> 受注者は、インシデントを直ちに報告すること。");
    expect(md).toContain("- インシデントが起きたら報告すること。");
    expect(md).toContain("- 報告は不要とする。 (absent)");
    expect(md).toContain("| `$report` | `報告`, `連絡` |");
  });
});

describe("kind parameters in docs/ruleset-language.md", () => {
  it("every parameter of every kind has a description (the docs and the schema's hover text)", () => {
    const missing = Object.entries(kindRegistry).flatMap(([kind, { schema }]) =>
      Object.entries((schema.properties ?? {}) as Record<string, { description?: string }>)
        .filter(([, s]) => !s.description).map(([p]) => `${kind}.${p}`));
    expect(missing).toEqual([]);
  });
  it("the generated tables are current (run `npm run docs`)", () => {
    const doc = readFileSync(join(packageRoot(), "docs", "ruleset-language.md"), "utf8");
    expect(doc).toContain(KIND_DOCS_BEGIN);
    expect(withKindParameters(doc, renderKindParameters(kindRegistry)), "stale: run npm run docs").toBe(doc);
  });
  it("lists each kind with its parameters, types and required marks", () => {
    const md = renderKindParameters(kindRegistry);
    expect(md.startsWith(KIND_DOCS_BEGIN) && md.endsWith(KIND_DOCS_END)).toBe(true);
    for (const kind of Object.keys(kindRegistry)) expect(md).toContain(`#### \`${kind}\``);
    expect(md).toContain("| `products` | string | yes |  |");
    expect(md).toContain("| `within` | sentence \\| block \\| section |  | `\"sentence\"` |");
  });
  it("shows each schema default, nested parameters with a description or a default on rows of their own", () => {
    const md = renderKindParameters(kindRegistry);
    expect(md).toContain("| `minCount` | integer |  | `1` |");
    expect(md).toContain("| `sections.<name>.nested` | boolean |  | `true` |");
    expect(md).toContain("| `definedBy[].within` | sentence \\| block |  | `\"block\"` |");
    expect(md).toContain("| `checks.<name>.min` | string |  |  |");
  });
});
