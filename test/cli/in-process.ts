// The built CLI's main() run in the test process with captured streams: what a spawned CLI prints
// and returns, without starting Node and loading the modules again for every run. Its worker pool
// needs dist/, so the build is checked first. Process-level behaviour (signals, a closed stdout,
// memory caps, stack traces on a crash, stdin, `-o` relative to the process's folder) stays with
// the spawned runs of harness.ts.
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
  // What reaches this process's stderr during the run (Node pipes a worker's stdout and stderr
  // there) is what a user would see on the CLI's stderr, so it is captured with the rest.
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const code = await loaded(["node", "chotatsu-lint", ...args], io, opts.cwd);
    // All threads of this process, the run's workers included, as /usr/bin/time counts a spawned CLI.
    const used = process.cpuUsage(cpu);
    const cpuS = Math.round((used.user + used.system) / 1e4) / 100;
    return { code, signal: null, stdout, stderr, ms: performance.now() - started, maxRssMb: null, cpuS };
  } finally {
    process.stderr.write = write;
  }
}
