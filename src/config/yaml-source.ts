// YAML text → plain data plus a way back from any data path to file:line:column.
import { readFileSync, statSync } from "node:fs";
import type { Document, Node } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import { ConfigError } from "./errors.js";
import type { Origin } from "../model/ruleset.js";

/** Rulesets are hand-written text; anything this large is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 5 * 1024 * 1024;
/** Aliases are legal YAML but a handful of nested ones expand exponentially ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;

export type DataPath = ReadonlyArray<string | number>;

export interface YamlSource {
  file: string;
  data: unknown;
  /** Where the value at `path` was written; falls back to the nearest existing ancestor. */
  locate(path: DataPath): Origin;
  /** Where the key `key` of the map at `path` was written (for unknown-key errors). */
  locateKey(path: DataPath, key: string): Origin;
}

export function readYamlFile(file: string): YamlSource {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    // Only a missing file is "not found"; a symlink loop or a permission problem says what it is.
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new ConfigError("config.file.notFound", { file }, file);
    throw new ConfigError("config.file.unreadable", { detail: (e as Error).message }, file);
  }
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigError("config.file.tooLarge", { size, max: MAX_CONFIG_BYTES }, file, 1, 1);
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ConfigError("config.file.unreadable", { detail: (e as Error).message }, file);
  }
  return parseYamlText(text, file);
}

export function parseYamlText(text: string, file: string): YamlSource {
  if (text.length > MAX_CONFIG_BYTES) {
    throw new ConfigError("config.file.tooLarge", { size: text.length, max: MAX_CONFIG_BYTES }, file, 1, 1);
  }
  const { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Origin => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    // After the first syntax error the parser's later complaints are mostly echoes of it.
    const syntax = doc.errors.find((err) => err.code !== "DUPLICATE_KEY");
    throw ConfigError.of((syntax ? [syntax] : doc.errors).map((err) => {
      const o = at(err.pos[0]);
      if (err.code === "DUPLICATE_KEY") {
        const key = duplicateKeyAt(doc, err.pos[0]) ?? "";
        return new ConfigError("config.yaml.duplicateKey", { key }, file, o.line, o.column);
      }
      return new ConfigError("config.yaml.syntax", { detail: err.message.split("\n")[0] }, file, o.line, o.column);
    }));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      const o = firstAlias(doc, at) ?? { file, line: 1, column: 1 };
      throw new ConfigError("config.yaml.aliasBomb", { max: MAX_ALIAS_COUNT }, file, o.line, o.column);
    }
    throw new ConfigError("config.yaml.syntax", { detail: (e as Error).message }, file, 1, 1);
  }

  const nodeAt = (path: DataPath): { node: Node | null; depth: number } => {
    let node: unknown = doc.contents;
    let last: Node | null = (doc.contents as Node | null) ?? null;
    let depth = 0;
    for (const seg of path) {
      let next: unknown;
      if (isMap(node)) next = node.get(seg, true);
      else if (isSeq(node)) next = node.get(typeof seg === "number" ? seg : Number(seg), true);
      else break;
      if (next === undefined || next === null) break;
      node = next;
      last = next as Node;
      depth++;
    }
    return { node: last, depth };
  };
  const originOf = (node: Node | null): Origin => {
    const r = node?.range;
    return r ? at(r[0]) : { file, line: 1, column: 1 };
  };
  return {
    file,
    data,
    locate: (path) => originOf(nodeAt(path).node),
    locateKey(path, key) {
      const { node, depth } = nodeAt(path);
      if (depth === path.length && isMap(node)) {
        for (const pair of node.items) {
          if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === key) return originOf(pair.key);
        }
      }
      return originOf(node);
    },
  };
}

function duplicateKeyAt(doc: Document, offset: number): string | undefined {
  const { isMap, isScalar, isSeq } = yamlLib();
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range && pair.key.range[0] <= offset && offset <= pair.key.range[1]) {
          found = String(pair.key.value);
          return;
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return found;
}

function firstAlias(doc: Document, at: (offset: number) => Origin): Origin | undefined {
  const { isAlias, isMap, isSeq } = yamlLib();
  let found: Origin | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== "object") return;
    if (isAlias(node)) {
      if (node.range) found = at(node.range[0]);
      return;
    }
    if (isMap(node)) for (const pair of node.items) { visit(pair.key); visit(pair.value); }
    else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  return found;
}
