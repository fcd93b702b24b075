// Stores V8's code cache of the bundle (dist/code-cache/, read by bin/code-cache.js): one sample
// run of the CLI as users run it most, one Markdown spec linted in the main thread, compiles the
// chunks and the functions a run needs, and keeps them (run by `npm run build` after gen-cache.mjs,
// so the run restores the stored matcher as a user's run does).
//   node scripts/code-cache.mjs
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "dist", "code-cache");
rmSync(dir, { recursive: true, force: true });
const sample = join(root, "fixtures", "corpus", "c01-mhlw-helpdesk.md");
// Each format's run stores the chunks it loaded; the shared ones keep the last run's (JSON's, the
// format scripts and the bench read).
for (const format of ["stylish", "json"]) {
  const r = spawnSync(process.execPath, [join(root, "bin", "chotatsu-lint.js"), "--format", format, sample], {
    cwd: root, env: { ...process.env, CHOTATSU_WRITE_CODE_CACHE: "1" }, encoding: "utf8",
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`sample run failed (${r.status}): ${r.stderr}`);
}
console.log("wrote dist/code-cache/");
