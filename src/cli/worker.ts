// Worker thread entry: loads readers and engine once, then lints the files the pool sends.
import { parentPort, workerData } from "node:worker_threads";
import { lintFile, prepare, readBytes, type LintSettings, type LintTask } from "./lint-file.js";

const port = parentPort!;
let settings: LintSettings | undefined;

type Message = { type: "init"; settings: LintSettings } | { type: "task"; id: number; task: LintTask };

/**
 * The pool hands a worker its next file before the current one is done (pool.ts, DEPTH): the next
 * file's read starts at once, beside the current file's linting, but files are linted one at a
 * time, in order, so each file's budget (timed by the pool from the result before it) is its own.
 */
let previous: Promise<unknown> = Promise.resolve();
port.on("message", (msg: Message) => {
  if (msg.type === "init") { settings = msg.settings; prepare(settings); return; }
  const { task, id } = msg;
  const bytes = task.kind === "package" ? undefined : readBytes(task, settings!);
  previous = previous.then(() => lintFile(task, settings!, bytes)).then((result) => port.postMessage({ type: "result", id, result }));
});
port.postMessage({ type: "ready" });

// A warm worker waits for the main thread to load the configuration; loading the parsers the inputs
// will need meanwhile takes them off the first file's time (readSpec then finds them cached).
const READERS: Record<string, () => Promise<unknown>> = {
  markdown: () => import("../readers/markdown.js"),
  docx: () => import("../readers/docx/index.js"),
  text: () => import("../readers/text.js"),
};
for (const name of (workerData as { preload?: string[] } | null)?.preload ?? []) void READERS[name]?.().catch(() => {});
