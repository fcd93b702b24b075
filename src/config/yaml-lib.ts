// The YAML library, loaded on first use: a lint run whose rulesets and data files all come from the
// build-time cache (builtin-cache.ts) parses no YAML, and loading the library costs ~50 ms of start-up.
import { createRequire } from "node:module";

type YamlLib = typeof import("yaml");
let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= createRequire(import.meta.url)("yaml") as YamlLib);
}
