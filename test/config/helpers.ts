// Small kind registry and temp-dir helpers for config tests (independent of the engine's kinds).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { KindSchemas } from "../../src/config/kinds.js";
import { tempDir } from "../temp.js";

const termList = { type: "array", items: { type: "string", minLength: 1 } };
const matchSpec = {
  type: "object",
  additionalProperties: false,
  properties: { all: termList, any: termList, none: termList, within: { enum: ["sentence", "block", "section"] }, obligation: { type: "boolean" } },
};

export const testKinds: KindSchemas = {
  require: {
    schema: {
      type: "object",
      properties: {
        match: matchSpec,
        elements: { type: "object", additionalProperties: matchSpec },
        present: { type: "object" },
        topic: matchSpec,
        elementLabels: { type: "object" },
      },
    },
  },
  forbid: {
    schema: { type: "object", properties: { patterns: termList, unless: matchSpec }, required: ["patterns"] },
  },
  threshold: {
    schema: {
      type: "object",
      properties: {
        checks: {
          type: "object",
          additionalProperties: {
            type: "object",
            additionalProperties: false,
            properties: { match: matchSpec, min: { type: "string" }, max: { type: "string" }, label: { type: "object" } },
          },
        },
        missingNumber: { enum: ["report", "ignore"] },
      },
      required: ["checks"],
    },
  },
};

/** A fresh directory with the given files (paths relative to it). */
export function tempTree(files: Record<string, string>): string {
  const dir = tempDir("chotatsu-config-");
  for (const [rel, text] of Object.entries(files)) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** A rule with the required common keys; `extra` lines are appended (already indented by 4). */
export function rule(id: string, kind: string, extra: string[] = [], severity = "error"): string {
  return [
    `  - id: ${id}`,
    `    kind: ${kind}`,
    `    severity: ${severity}`,
    `    title: 題 ${id}`,
    `    message: 本文 ${id}`,
    `    messageEn: Message ${id}`,
    `    source: 手引き`,
    ...extra,
  ].join("\n");
}
