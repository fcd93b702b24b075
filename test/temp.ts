// Temp folders for tests: unique per call (mkdtemp), so runs on one machine never share one, and
// removed after the test file that made them, so repeated runs do not fill the temp folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/**
 * Removes every folder made since the last call. test/setup.ts calls it after each test file: a
 * hook registered here would run for the first file only when the unit suites share modules
 * (isolate: false), and a forked worker is stopped without running process "exit" handlers.
 */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder under the OS temp folder, named `<prefix>XXXXXX`, deleted after the current test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
