// The committed version of a file, read with the machine's git (`git show REF:./name` run in the
// file's own folder, so it works from any working directory inside or outside the repository).
import { execFile } from "node:child_process";
import path from "node:path";
import type { Params } from "../i18n/index.js";

export class GitError extends Error {
  constructor(readonly messageId: string, readonly params: Params) {
    super(messageId);
    this.name = "GitError";
  }
}

const MAX_BYTES = 256 * 1024 * 1024;

/** `file`'s bytes at `ref`; errors name the file as `shownAs` (the name the user gave). */
export function gitShow(file: string, ref: string, shownAs: string = file): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // "--" never follows REF:path in `git show`; a ref starting with "-" would be read as an option.
    if (ref.startsWith("-")) { reject(new GitError("compare.git.failed", { file: shownAs, ref, reason: "bad ref" })); return; }
    execFile("git", ["show", `${ref}:./${path.basename(file)}`], { cwd: path.dirname(file), encoding: "buffer", maxBuffer: MAX_BYTES },
      (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === "ENOENT") { reject(new GitError("compare.git.missing", {})); return; }
        if (err) {
          const reason = stderr.toString("utf8").trim().split("\n")[0] || err.message;
          reject(new GitError("compare.git.failed", { file: shownAs, ref, reason }));
          return;
        }
        resolve(new Uint8Array(stdout));
      });
  });
}
