// Worker thread entry: loads readers and engine once, then lints the files the pool sends.
import { parentPort, workerData } from "node:worker_threads";
import { lintFile, type LintSettings, type LintTask } from "./lint-file.js";

const settings = workerData as LintSettings;
const port = parentPort!;

port.on("message", (msg: { id: number; task: LintTask }) => {
  void lintFile(msg.task, settings).then((result) => port.postMessage({ type: "result", id: msg.id, result }));
});
port.postMessage({ type: "ready" });
