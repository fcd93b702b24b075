// The built CLI's main() run in the test process with captured streams: what a spawned CLI prints
// and returns, without starting Node and loading the modules again for every run. Its worker pool
// needs dist/, so the build is checked first. Process-level behaviour (signals, a closed stdout,
// memory caps, stack traces on a crash) stays with the spawned runs of harness.ts.
import { ensureBuilt, type CliRun } from "../bad-input/harness.js";

type Main = (argv: string[], io: unknown, cwd: string) => Promise<number>;
let loaded: Main | undefined;

export async function runInProcess(args: string[], opts: { cwd: string; errIsTTY?: boolean }): Promise<CliRun> {
  if (!loaded) {
    ensureBuilt();
    const built = "../../dist/cli/main.js";
    loaded = ((await import(built)) as { main: Main }).main;
  }
  let stdout = ""; let stderr = "";
  const io = { out: (s: string) => { stdout += s; }, err: (s: string) => { stderr += s; }, isTTY: false, errIsTTY: Boolean(opts.errIsTTY) };
  const started = performance.now();
  const code = await loaded(["node", "chotatsu-lint", ...args], io, opts.cwd);
  return { code, signal: null, stdout, stderr, ms: performance.now() - started, maxRssMb: null, cpuS: null };
}
