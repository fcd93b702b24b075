// Loads the active rulesets: each one's `extends` chain first (base first), each file once,
// cycles and missing files reported where the reference was written.
import { existsSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { ConfigError } from "./errors.js";
import { parseRulesetFile, type LoadedRuleset } from "./ruleset.js";
import { readBuiltinCache } from "./builtin-cache.js";
import { builtinRulesetNames, builtinRulesetPath, isBuiltinFile, isBuiltinReference } from "./paths.js";
import type { KindSchemas } from "./kinds.js";
import type { Origin } from "../model/ruleset.js";

export class RulesetGraph {
  /** Active rulesets in resolution order: every ruleset after the ones it extends. */
  readonly order: LoadedRuleset[] = [];
  readonly errors: ConfigError[] = [];
  private readonly seen = new Set<string>();

  /**
   * `trustBuiltins`: skip the schema check of the package's own rulesets. They ship validated
   * (their docs test and `test-ruleset` validate them), and compiling the full ruleset schema is
   * the largest start-up cost of a lint run. User rulesets are always validated.
   */
  constructor(private readonly kinds: KindSchemas, private readonly trustBuiltins = false) {}

  /** Add a ruleset referenced as `ref` (built-in name or path relative to `fromDir`), written at `at`. */
  add(ref: string, fromDir: string, at?: Origin, stack: string[] = []): void {
    const file = this.locateFile(ref, fromDir, at);
    if (!file) return;
    if (stack.includes(file)) {
      const chain = [...stack.slice(stack.indexOf(file)), file].map((f) => basename(f)).join(" → ");
      this.errors.push(new ConfigError("config.extends.cycle", { chain }, at?.file ?? file, at?.line, at?.column));
      return;
    }
    if (this.seen.has(file)) return;
    this.seen.add(file);
    let loaded: LoadedRuleset;
    try {
      const trusted = this.trustBuiltins && isBuiltinFile(file);
      loaded = (trusted ? readBuiltinCache(file) : undefined) ?? parseRulesetFile(file, this.kinds, !trusted);
    } catch (e) {
      if (e instanceof ConfigError) {
        this.errors.push(...e.errors);
        return;
      }
      throw e;
    }
    if (loaded.def.extends !== undefined) this.add(loaded.def.extends, dirname(file), loaded.extendsOrigin, [...stack, file]);
    this.order.push(loaded);
  }

  private locateFile(ref: string, fromDir: string, at?: Origin): string | undefined {
    const where = (id: string, params: Record<string, string>) =>
      new ConfigError(id, params, at?.file ?? ref, at?.line, at?.column);
    if (isBuiltinReference(ref)) {
      const file = builtinRulesetPath(ref);
      if (existsSync(file)) return file;
      this.errors.push(where("config.extends.unknownBuiltin", { target: ref, allowed: builtinRulesetNames().join(", ") }));
      return undefined;
    }
    const file = resolve(fromDir, ref);
    if (existsSync(file)) return file;
    this.errors.push(where("config.extends.notFound", { target: ref, path: file }));
    return undefined;
  }
}
