// Packages from the command line and the config: the files each names, expanded and in order.
import path from "node:path";
import type { PackageDef, ResolvedConfig } from "../model/ruleset.js";
import type { FileResult } from "../model/finding.js";
import type { PackageReport } from "../formatters/report.js";
import type { FileTask, LintTask } from "./file-result.js";

const GLOB_CHARS = /[*?[\]{}]/;

/** A package's files as absolute paths: listed order, each glob's matches sorted. Missing files stay (reported when read). */
export async function packageFiles(def: PackageDef, cwd: string, config?: ResolvedConfig): Promise<string[]> {
  const base = def.baseDir ?? (config?.configFile ? path.dirname(config.configFile) : cwd);
  const out: string[] = [];
  for (const f of def.files) {
    if (!GLOB_CHARS.test(f)) { out.push(path.resolve(base, f)); continue; }
    const { glob } = await import("tinyglobby");
    const found = await glob(f, { cwd: base, absolute: true, onlyFiles: true, ignore: ["**/node_modules/**", "**/.git/**"] });
    out.push(...found.sort());
  }
  return [...new Set(out)];
}

/**
 * The run's tasks with package members taken out and judged together: with `--package NAME` every file
 * of the run is one package; a `packages:` entry becomes a task when any of its files is linted, and
 * then brings all its files (an annex not named on the command line still counts for the body).
 */
export async function groupIntoPackages(tasks: FileTask[], o: {
  cliPackage?: string; config: ResolvedConfig; cwd: string; toUri: (p: string) => string; fingerprintUri: (p: string) => string;
}): Promise<{ tasks: LintTask[]; paths: Map<string, string> }> {
  const paths = new Map<string, string>();
  if (o.cliPackage !== undefined) {
    const members = tasks.filter((x) => x.kind === "file");
    const rest = tasks.filter((x) => x.kind !== "file");
    return { tasks: [...rest, { kind: "package", uri: o.cliPackage, name: o.cliPackage, members }], paths };
  }
  let rest: FileTask[] = [...tasks];
  const out: LintTask[] = [];
  for (const def of o.config.packages ?? []) {
    const files = await packageFiles(def, o.cwd, o.config);
    const set = new Set(files);
    if (!rest.some((x) => x.kind === "file" && set.has(x.path))) continue;
    rest = rest.filter((x) => !(x.kind === "file" && set.has(x.path)));
    const members: FileTask[] = files.map((f) => {
      const uri = o.toUri(f);
      paths.set(uri, f);
      const fp = o.fingerprintUri(f);
      return { kind: "file", uri, path: f, ...(fp !== uri ? { fingerprintUri: fp } : {}) };
    });
    out.push({ kind: "package", uri: def.name, name: def.name, members });
  }
  return { tasks: [...rest, ...out], paths };
}

/** A pool result back into per-file results and, for a package task, the package's report. */
export function expandPackageResults(results: FileResult[]): { files: FileResult[]; packages: PackageReport[] } {
  const files: FileResult[] = [];
  const packages: PackageReport[] = [];
  for (const r of results) {
    if (!r.package) { files.push(r); continue; }
    files.push(...r.package.members);
    packages.push({ name: r.package.name, files: r.package.members.filter((m) => !m.error).map((m) => m.uri), coverage: r.coverage });
  }
  return { files, packages };
}
