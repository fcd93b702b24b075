// The build-time cache of built-in rulesets gives exactly what parsing gives, and is ignored when stale.
import { describe, expect, it } from "vitest";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readBuiltinCache, readBuiltinData, writeBuiltinCache, writeBuiltinData } from "../../src/config/builtin-cache.js";
import { readDataFile } from "../../src/config/data-files.js";
import { parseRulesetFile } from "../../src/config/ruleset.js";
import { builtinRulesetPath, packageRoot } from "../../src/config/paths.js";
import { kindRegistry } from "../../src/engine/kinds/index.js";
import { tempDir } from "../temp.js";

describe("built-in ruleset cache", () => {
  const file = builtinRulesetPath("mhlw-tebiki");

  it("round-trips to the same parse, origins re-rooted to absolute paths", () => {
    const dir = tempDir("chotatsu-cache-");
    const parsed = parseRulesetFile(file, kindRegistry, false);
    const out = writeBuiltinCache(file, parsed, dir);
    expect(readFileSync(out, "utf8").includes(file)).toBe(false); // stored relative to the package
    const cached = readBuiltinCache(file, dir)!;
    const { src: _a, ...p } = parsed;
    const { src: _b, ...c } = cached;
    expect(c).toEqual(p);
    expect(cached.def.rules[0]!.origin.file).toBe(file);
  });

  it("is ignored when the YAML changed since it was written, or when missing or corrupt", () => {
    const dir = tempDir("chotatsu-cache-");
    const out = writeBuiltinCache(file, parseRulesetFile(file, kindRegistry, false), dir);
    const body = JSON.parse(readFileSync(out, "utf8")) as { sha256: string };
    writeFileSync(out, JSON.stringify({ ...body, sha256: "0".repeat(64) }));
    expect(readBuiltinCache(file, dir)).toBeUndefined();
    writeFileSync(out, "{");
    expect(readBuiltinCache(file, dir)).toBeUndefined();
    expect(readBuiltinCache(file, tempDir("chotatsu-cache-"))).toBeUndefined();
  });
});

describe("built-in data file cache", () => {
  const file = join(packageRoot(), "rulesets", "eol-products.yaml");

  it("gives what the data reader gives, and nothing once the YAML changed or the cache is corrupt", () => {
    const dir = tempDir("chotatsu-cache-");
    const read = readDataFile(file, "product-list");
    const out = writeBuiltinData(file, "product-list", read, dir);
    expect(readBuiltinData(file, "product-list", dir)).toEqual(read);
    const body = JSON.parse(readFileSync(out, "utf8")) as { sha256: string };
    writeFileSync(out, JSON.stringify({ ...body, sha256: "0".repeat(64) }));
    expect(readBuiltinData(file, "product-list", dir)).toBeUndefined();
    writeFileSync(out, "{");
    expect(readBuiltinData(file, "product-list", dir)).toBeUndefined();
    expect(readBuiltinData(file, "product-list", tempDir("chotatsu-cache-"))).toBeUndefined();
  });
});
