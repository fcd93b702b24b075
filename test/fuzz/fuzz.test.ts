// Bounded fuzzing in the normal test run (fixed seed, fixed iteration count); `npm run fuzz` runs
// longer. In-process through the TypeScript sources for speed, then a few batches through the CLI.
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error — plain ESM script without type declarations
import { fuzzInProcess, fuzzCli } from "../../scripts/fuzz.mjs";
import { ensureBuilt } from "../bad-input/harness.js";
import { InputError } from "../../src/readers/errors.js";
import type { SpecDocument } from "../../src/model/document.js";
import type { ResolvedConfig } from "../../src/model/ruleset.js";

const SEED = 20261127;
const ITERATIONS = 200;

interface Failure { i: number; name: string; desc: string; outcome: string; ms: number }

describe("fuzz: mutated Word and Markdown specs", () => {
  let api: { read: (b: Uint8Array, uri: string) => Promise<SpecDocument>; lint: (d: SpecDocument) => unknown; errorCode: (e: unknown) => string | undefined };

  beforeAll(async () => {
    const { readSpec } = await import("../../src/readers/index.js");
    const { lintDocument } = await import("../../src/engine/index.js");
    const { loadConfig } = await import("../../src/config/index.js");
    const config: ResolvedConfig = await loadConfig({ cwd: process.cwd() });
    api = {
      read: (bytes, uri) => readSpec(bytes, uri, {}),
      lint: (doc) => lintDocument(doc, config, { requireReason: false, locale: "ja" }),
      errorCode: (e) => (e instanceof InputError ? e.code : undefined),
    };
  }, 60_000);

  it(`${ITERATIONS} in-process inputs (seed ${SEED}): read or refused with a known code, each within 5 CPU-seconds`, async () => {
    const { counts, failures } = (await fuzzInProcess({ iterations: ITERATIONS, seed: SEED, api, slowMs: 5000 })) as {
      counts: { ok: number; refused: Record<string, number>; failures: number }; failures: Failure[];
    };
    const report = failures.map((f) => `#${f.i} ${f.desc} → ${f.outcome.slice(0, 300)} (${f.ms} ms CPU)`).join("\n");
    expect(report, "replay one with: npm run fuzz -- --seed " + SEED + " --only <i>").toBe("");
    // The mutations must exercise both paths, or the test proves nothing.
    expect(counts.ok).toBeGreaterThan(ITERATIONS / 10);
    expect(Object.values(counts.refused).reduce((a, b) => a + b, 0)).toBeGreaterThan(ITERATIONS / 20);
  }, 240_000);

  it("through the CLI: exit 0/1/2, JSON parses, one entry per file, no stack trace", () => {
    ensureBuilt();
    const { problems, runs } = fuzzCli({ seed: SEED, batches: 3, size: 8 }) as { problems: string[]; runs: { ms: number }[] };
    expect(problems).toEqual([]);
    for (const r of runs) expect(r.ms).toBeLessThan(30_000);
  }, 240_000);
});
