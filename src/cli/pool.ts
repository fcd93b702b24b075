// Lints files in worker threads, each file under a time budget and each worker under a heap limit.
// Every file is linted in a worker, even a single one, except one small Markdown or text file named
// alone with the default budget (in-process.ts): only a worker can be stopped when a file hangs
// inside synchronous parsing, and only a worker's heap limit turns an out-of-memory abort into an
// error for that one file. Results are stored by task index, so order never depends on timing.
// Workers can be started before the configuration is loaded (`warm`), so their module loading
// overlaps with the main thread's; the settings follow in an "init" message.
import { Worker } from "node:worker_threads";
import type { FileResult } from "../model/finding.js";
import { errorResult, type LintSettings, type LintTask } from "./file-result.js";

export interface PoolOptions {
  jobs: number;
  /** Per-file time budget in ms, counted from when the file is handed to a ready worker. */
  timeoutMs: number;
  maxOldGenerationSizeMb: number;
  /** Readers a worker loads while it waits for its first file (see `readersFor`). */
  preload?: ReaderName[];
}

export type ReaderName = "markdown" | "docx" | "text";

/** Which readers the inputs will need, guessed from their names before anything is read. */
export function readersFor(inputs: string[]): ReaderName[] {
  const need = new Set<ReaderName>();
  for (const i of inputs) {
    const lower = i.toLowerCase();
    if (lower.endsWith(".docx")) need.add("docx");
    else if (lower.endsWith(".md") || lower.endsWith(".markdown")) need.add("markdown");
    else if (lower.endsWith(".txt")) need.add("text");
    else { need.add("docx"); need.add("markdown"); }   // a folder, a glob or stdin
  }
  return [...need].sort();
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The file the worker is linting, under its budget's timer (null: idle). */
  busy: { id: number; timer: NodeJS.Timeout } | null;
  /** Files handed over behind `busy`, which the worker starts as soon as it posts the one before. */
  queued: number[];
  dead: boolean;
}

/**
 * Files a worker holds at once: the one it lints and one more. Between a result and the next task
 * the worker would otherwise wait for the main thread to take the result and post the next file
 * (and then for that file's read): about 1.5 ms a file, a tenth of the worker's time on the bench's
 * later files.
 */
const DEPTH = 2;

const WORKER_URL = new URL("./worker.js", import.meta.url);
const STARTUP_BUDGET_MS = 60_000;
/**
 * A worker's young generation. V8 sizes it from the old-generation cap, which for a worker is small:
 * reading and judging a spec allocates hundreds of MB of short-lived objects (parser events, block
 * texts, hit lists), and with the default the 120 bench specs took 134 scavenges, a fifth of the
 * worker's time. At 48 MB they take 80, and a 4 MB spec lints in ~5 s instead of ~6.5 s at 377 MB
 * peak RSS (64 MB was then no faster, and past 400 MB). Since hits are packed integers and most blocks
 * keep no offset table, a 4 MB spec peaks at 286 MB with 48 MB and 316 MB with 64 MB, and 64 MB lints
 * the 120 bench specs with --jobs 1 in about 0.92× the time (three runs each, one sitting).
 */
const YOUNG_GENERATION_MB = 64;

export class LintPool {
  /** Settings every worker gets once, as soon as they are known (see configure). */
  private settings: LintSettings | null = null;
  private readonly initialised = new WeakSet<Slot>();
  private idle: Slot[] = [];
  private all = new Set<Slot>();
  private onReady: ((slot: Slot) => void) | null = null;
  private onDeath: ((slot: Slot, code: "out-of-memory" | "internal", reason: string) => void) | null = null;
  private onResult: ((slot: Slot, id: number, r: FileResult) => void) | null = null;

  constructor(private readonly opts: PoolOptions) {}

  /**
   * Hands the run's settings to every worker now and to each one started later, before any file:
   * a worker compiles the ruleset's matcher on receiving them, while the main thread is still
   * collecting files.
   */
  configure(settings: LintSettings): void {
    this.settings = settings;
    for (const slot of this.all) this.init(slot);
  }

  private init(slot: Slot): void {
    if (!this.settings || this.initialised.has(slot)) return;
    slot.worker.postMessage({ type: "init", settings: this.settings });
    this.initialised.add(slot);
  }

  /** Start up to n workers now; they load their modules while the caller does other work. */
  warm(n: number): void {
    while (this.all.size < Math.min(n, this.opts.jobs)) this.spawn();
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      workerData: { preload: this.opts.preload ?? [] },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      // Anything a library prints must never mix into a report written to stdout.
      stdout: true, stderr: false,
    });
    worker.stdout.pipe(process.stderr);
    const slot: Slot = { worker, ready: false, busy: null, queued: [], dead: false };
    this.all.add(slot);
    this.init(slot);
    // A worker that never finishes starting must not hang the run either. Start-up is not a file's
    // work, so it gets its own generous budget rather than --timeout.
    const startBudget = Math.max(this.opts.timeoutMs, STARTUP_BUDGET_MS);
    const startTimer = setTimeout(() => {
      die("internal", `worker did not start within ${startBudget} ms`);
      void worker.terminate();
    }, startBudget);
    startTimer.unref();
    worker.on("message", (msg: { type: string; id?: number; result?: FileResult }) => {
      if (msg.type === "ready") {
        clearTimeout(startTimer);
        slot.ready = true;
        if (this.onReady) this.onReady(slot); else this.idle.push(slot);
      } else if (msg.type === "result" && slot.busy && msg.id === slot.busy.id) {
        this.onResult?.(slot, msg.id, msg.result!);
      }
    });
    const die = (code: "out-of-memory" | "internal", reason: string) => {
      clearTimeout(startTimer);
      if (slot.dead) return;
      slot.dead = true;
      this.all.delete(slot);
      this.idle = this.idle.filter((s) => s !== slot);
      this.onDeath?.(slot, code, reason);
    };
    worker.on("error", (err: Error & { code?: string }) =>
      die(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? "out-of-memory" : "internal", err.message));
    worker.on("exit", (code) => die("internal", `worker exited with code ${code}`));
    return slot;
  }

  private kill(slot: Slot): void {
    slot.dead = true;
    this.all.delete(slot);
    // A terminated worker's stdout never ends, so its pipe into stderr would keep its listeners
    // on process.stderr: runs in one process (tests, an editor integration) would pile them up.
    slot.worker.stdout.unpipe(process.stderr);
    void slot.worker.terminate();
  }

  close(): void {
    for (const s of [...this.all]) this.kill(s);
    this.idle = [];
  }

  run(tasks: LintTask[], settings: LintSettings, onProgress?: (done: number, total: number) => void): Promise<FileResult[]> {
    const results: (FileResult | undefined)[] = new Array(tasks.length);
    const { locale } = settings;
    const { timeoutMs } = this.opts;
    let next = 0;
    let done = 0;
    if (this.settings !== settings) this.configure(settings);

    /** Files handed back by a worker that died or was stopped before starting them: dispatched first. */
    const retry: number[] = [];
    const pending = () => retry.length + tasks.length - next;
    const take = () => retry.shift() ?? next++;

    return new Promise((resolve) => {
      const finish = (id: number, r: FileResult) => {
        if (results[id]) return;
        results[id] = r;
        done++;
        onProgress?.(done, tasks.length);
        if (done === tasks.length) { this.close(); resolve(results as FileResult[]); }
      };
      /** Starts the budget of the file the worker takes up now. */
      const start = (slot: Slot, id: number) => {
        const task = tasks[id]!;
        const timer = setTimeout(() => {
          slot.busy = null;
          finish(id, errorResult(task.uri, "timeout", "cli.file.timeout", { ms: timeoutMs }, locale));
          this.kill(slot);
          requeue(slot);
          refill();
        }, timeoutMs);
        slot.busy = { id, timer };
      };
      const send = (slot: Slot, id: number) => {
        const task = tasks[id]!;
        const transfer = task.kind === "bytes" ? [task.bytes.buffer as ArrayBuffer] : [];
        slot.worker.postMessage({ type: "task", id, task }, transfer);
      };
      /**
       * Keeps the worker holding up to DEPTH files; a second one only while more files wait than there
       * are workers, so the run's last files are not queued behind a long one while another worker idles.
       */
      const dispatch = (slot: Slot) => {
        if (!slot.busy) {
          if (pending() === 0) { this.kill(slot); return; }
          const id = take();
          start(slot, id);
          send(slot, id);
        }
        while (1 + slot.queued.length < DEPTH && pending() > this.opts.jobs) {
          const id = take();
          slot.queued.push(id);
          send(slot, id);
        }
      };
      /** The files a stopped worker held but had not started go back to the front. */
      const requeue = (slot: Slot) => {
        retry.unshift(...slot.queued);
        slot.queued = [];
      };
      const refill = () => {
        const wanted = Math.min(this.opts.jobs, pending());
        for (let i = this.all.size; i < wanted; i++) this.spawn();
      };
      this.onReady = dispatch;
      this.onResult = (slot, id, r) => {
        clearTimeout(slot.busy!.timer);
        slot.busy = null;
        finish(id, r);
        // The worker went on to its queued file as it posted this result.
        const queued = slot.queued.shift();
        if (queued !== undefined) start(slot, queued);
        dispatch(slot);
      };
      this.onDeath = (slot, code, reason) => {
        const busy = slot.busy;
        slot.busy = null;
        requeue(slot);
        let id: number | undefined = busy?.id;
        if (busy) clearTimeout(busy.timer);
        // A worker that dies while starting is charged one file, so a broken install cannot loop forever.
        else if (!slot.ready && pending() > 0) id = take();
        if (id !== undefined) {
          const uri = tasks[id]!.uri;
          finish(id, code === "out-of-memory"
            ? errorResult(uri, "out-of-memory", "cli.file.outOfMemory", {}, locale)
            : errorResult(uri, "internal", "cli.file.crashed", { reason }, locale));
        }
        if (done < tasks.length) refill();
      };

      if (tasks.length === 0) { this.close(); resolve([]); return; }
      // Drop warm workers beyond what the run needs; hand the rest their first file.
      const ready = this.idle;
      this.idle = [];
      for (const s of ready) dispatch(s);
      refill();
    });
  }
}
