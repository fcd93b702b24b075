// Lints files in worker threads, each file under a time budget and each worker under a heap limit.
// Every file is linted in a worker, even a single one: only a worker can be stopped when a file
// hangs inside synchronous parsing, and only a worker's heap limit turns an out-of-memory abort
// into an error for that one file. Results come back keyed by task, so order never depends on timing.
import { Worker } from "node:worker_threads";
import type { FileResult } from "../model/finding.js";
import { errorResult, type LintSettings, type LintTask } from "./lint-file.js";

export interface PoolOptions {
  jobs: number;
  /** Per-file time budget in ms, counted from when the file is handed to a ready worker. */
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
  settings: LintSettings;
}

interface Slot { worker: Worker; busy: { id: number; timer: NodeJS.Timeout } | null; ready: boolean }

const WORKER_URL = new URL("./worker.js", import.meta.url);

export function lintInWorkers(tasks: LintTask[], opts: PoolOptions): Promise<FileResult[]> {
  const results: (FileResult | undefined)[] = new Array(tasks.length);
  const { locale } = opts.settings;
  let next = 0;
  let done = 0;
  const width = Math.max(1, Math.min(opts.jobs, tasks.length));

  return new Promise((resolve) => {
    if (tasks.length === 0) { resolve([]); return; }

    const finish = (id: number, r: FileResult) => {
      if (results[id]) return;
      results[id] = r;
      done++;
      if (done === tasks.length) resolve(results as FileResult[]);
    };

    const dispatch = (slot: Slot) => {
      if (next >= tasks.length) { void slot.worker.terminate(); return; }
      const id = next++;
      const task = tasks[id]!;
      const timer = setTimeout(() => {
        slot.busy = null;
        finish(id, errorResult(task.uri, "timeout", "cli.file.timeout", { ms: opts.timeoutMs }, locale));
        void slot.worker.terminate();
        start();                                        // a fresh worker takes over the rest
      }, opts.timeoutMs);
      slot.busy = { id, timer };
      const transfer = task.kind === "bytes" ? [task.bytes.buffer as ArrayBuffer] : [];
      slot.worker.postMessage({ id, task }, transfer);
    };

    const fail = (slot: Slot, code: "out-of-memory" | "internal", reason: string) => {
      if (!slot.ready && !slot.busy && next < tasks.length) {
        // The worker died while starting: charge one file, so a broken install cannot loop forever.
        const id = next++;
        finish(id, errorResult(tasks[id]!.uri, "internal", "cli.file.crashed", { reason }, locale));
        slot.ready = true;
        start();
        return;
      }
      const busy = slot.busy;
      slot.busy = null;
      if (!busy) return;
      clearTimeout(busy.timer);
      const task = tasks[busy.id]!;
      finish(busy.id, code === "out-of-memory"
        ? errorResult(task.uri, "out-of-memory", "cli.file.outOfMemory", {}, locale)
        : errorResult(task.uri, "internal", "cli.file.crashed", { reason }, locale));
      start();
    };

    const start = () => {
      if (next >= tasks.length) return;
      const worker = new Worker(WORKER_URL, {
        workerData: opts.settings,
        resourceLimits: { maxOldGenerationSizeMb: opts.maxOldGenerationSizeMb },
        // Anything a library prints must never mix into a report written to stdout.
        stdout: true, stderr: false,
      });
      worker.stdout.pipe(process.stderr);
      const slot: Slot = { worker, busy: null, ready: false };
      worker.on("message", (msg: { type: string; id?: number; result?: FileResult }) => {
        if (msg.type === "ready") { slot.ready = true; dispatch(slot); return; }
        if (msg.type === "result" && slot.busy && msg.id === slot.busy.id) {
          clearTimeout(slot.busy.timer);
          slot.busy = null;
          finish(msg.id, msg.result!);
          dispatch(slot);
        }
      });
      worker.on("error", (err: Error & { code?: string }) => {
        fail(slot, err.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out-of-memory" : "internal", err.message);
      });
      worker.on("exit", (code) => {
        if (slot.busy) fail(slot, "internal", `worker exited with code ${code}`);
      });
    };

    for (let i = 0; i < width; i++) start();
  });
}
