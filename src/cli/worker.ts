// Worker thread entry: loads readers and engine once, then lints the files the pool sends.
import { parentPort } from "node:worker_threads";
import { lintFile, type LintSettings, type LintTask } from "./lint-file.js";

const port = parentPort!;
let settings: LintSettings | undefined;

type Message = { type: "init"; settings: LintSettings } | { type: "task"; id: number; task: LintTask };

port.on("message", (msg: Message) => {
  if (msg.type === "init") { settings = msg.settings; return; }
  void lintFile(msg.task, settings!).then((result) => port.postMessage({ type: "result", id: msg.id, result }));
});
port.postMessage({ type: "ready" });
