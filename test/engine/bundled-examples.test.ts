// Every bundled ruleset's rules must agree with their own examples (what `test-ruleset` checks).
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolveRulesetAsConfig } from "../../src/config/load.js";
import { runExamples } from "../../src/engine/examples.js";

const dir = fileURLToPath(new URL("../../rulesets/", import.meta.url));
// Data files (e.g. the eol product table) live next to the rulesets; a ruleset has top-level `rules:`.
// The examples/ folder is what agencies copy from: its rulesets must pass `test-ruleset` too.
const files = ["", "examples/"].flatMap((sub) => readdirSync(dir + sub)
  .filter((f) => f.endsWith(".yaml") && /^rules:/m.test(readFileSync(dir + sub + f, "utf8")))
  .map((f) => sub + f));

describe("bundled rulesets' examples", () => {
  it("covers the built-in rulesets and the agency example", () => {
    expect(files).toEqual(expect.arrayContaining(["mhlw-tebiki.yaml", "examples/agency-example.yaml"]));
  });

  it.each(files)("%s", async (file) => {
    const config = await resolveRulesetAsConfig(dir + file);
    const results = runExamples(config);
    expect(results.length).toBeGreaterThan(0);
    const failed = results.filter((r) => !r.ok).map((r) => `${r.ruleId} ${r.kind}#${r.index}: ${r.detail} — ${r.text.slice(0, 80)}`);
    expect(failed).toEqual([]);
  });
});
