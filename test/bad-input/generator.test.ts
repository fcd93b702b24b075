// The generator never falls back to a shared folder: one run would wipe it while another reads it.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";

import path from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error — plain ESM script without type declarations
import { makeBadInputs } from "../../scripts/make-bad-inputs.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("make-bad-inputs", () => {
  it("refuses to run without an output folder instead of wiping a fixed one", () => {
    expect(() => makeBadInputs()).toThrow(/output folder/);
    expect(() => makeBadInputs("")).toThrow(/output folder/);
  });
  it("the render script wants the results file of a run (there is no shared default file)", () => {
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [path.join(ROOT, "test/bad-input/render-table.mjs")], { stdio: "pipe" });
    } catch (e) {
      status = (e as { status: number }).status;
      stderr = String((e as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toContain("CHOTATSU_BAD_INPUT_RESULTS");
  });
});
