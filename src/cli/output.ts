// Writing a report: complete or absent. A temp file in the same folder is renamed over the target,
// so a reader never sees half a report and an interrupted run leaves the old report untouched.
import { promises as fs } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export class OutputDirMissing extends Error {
  constructor(readonly dir: string) { super(`output directory does not exist: ${dir}`); }
}

/** Fails before any work is done when the report could not be written anyway. */
export async function checkOutputDir(file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const st = await fs.stat(dir).catch(() => null);
  if (!st || !st.isDirectory()) throw new OutputDirMissing(dir);
}

export async function writeAtomic(file: string, text: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  await checkOutputDir(target);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, "wx");
    await (typeof text === "string" ? handle.writeFile(text, "utf8") : handle.writeFile(text));
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => {});
    await fs.unlink(tmp).catch(() => {});
    throw e;
  }
}
