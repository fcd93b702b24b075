// The command-line program. Only commander and the message catalogue load up front; config,
// readers (in workers) and formatters load when a run needs them.
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { t, type Locale } from "../i18n/index.js";
import { ConfigError } from "../config/errors.js";
import { processIo, type Io } from "./io.js";
import {
  UsageError, parseCount, parseDate, parseFormat, parseLocale, parseRuleSetting, parseSize, type RuleSetting,
} from "./options.js";
import { toolVersion } from "./version.js";
import type { FormatName } from "../formatters/index.js";

interface GlobalOpts {
  format?: string;
  outputFile?: string;
  config?: string;
  ruleset?: string[];
  rule?: string[];
  asOf?: string;
  locale?: string;
  color?: boolean;
  maxWarnings?: string;
  requireReason?: boolean;
  jobs?: string;
  timeout?: string;
  maxFileSize?: string;
  ignorePattern?: string[];
  quiet?: boolean;
  debug?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  baseline?: string;
  writeBaseline?: string;
  compareToGit?: string;
  package?: string;
  cache?: boolean;
  cacheLocation?: string;
}

/** Help text is shown before options are parsed, so its language comes from a quick look at argv. */
function localeFromArgv(argv: string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--locale" && (argv[i + 1] === "en" || argv[i + 1] === "ja")) return argv[i + 1] as Locale;
    if (a === "--locale=en") return "en";
  }
  return "ja";
}

const HELP_TITLES_JA: Record<string, string> = {
  "Usage:": "使い方:", "Options:": "オプション:", "Commands:": "コマンド:", "Arguments:": "引数:", "Global Options:": "共通オプション:",
};

/** commander's own error codes → our messages; the quoted name in its English message is kept. */
const COMMANDER_MESSAGES: Record<string, string> = {
  "commander.unknownOption": "cli.error.unknownOption",
  "commander.unknownCommand": "cli.error.unknownCommand",
  "commander.missingArgument": "cli.error.missingArgument",
  "commander.optionMissingArgument": "cli.error.optionMissingArgument",
  "commander.excessArguments": "cli.error.excessArguments",
};

function collectList(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function buildProgram(locale: Locale): Command {
  const h = (id: string) => t(id, {}, locale);
  const program = new Command("chotatsu-lint");
  program
    .description(h("cli.help.description"))
    .usage(h("cli.help.usage"))
    .argument("[files...]", h("cli.help.files"))
    .option("-f, --format <name>", h("cli.help.format"))
    .option("-o, --output-file <file>", h("cli.help.output"))
    .option("-c, --config <file>", h("cli.help.config"))
    // Repeatable rather than variadic: a variadic option would swallow the file names after it.
    .option("--ruleset <file>", h("cli.help.ruleset"), collectList)
    .option("--rule <id:severity>", h("cli.help.rule"), collectList)
    .option("--as-of <YYYY-MM-DD>", h("cli.help.asOf"))
    .option("--locale <ja|en>", h("cli.help.locale"))
    .addOption(new Option("--color", h("cli.help.color")))
    .addOption(new Option("--no-color", h("cli.help.noColor")))
    .option("--max-warnings <n>", h("cli.help.maxWarnings"))
    .option("--require-reason", h("cli.help.requireReason"))
    .option("--baseline <file>", h("cli.help.baseline"))
    .option("--write-baseline <file>", h("cli.help.writeBaseline"))
    .option("--package <name>", h("cli.help.package"))
    .option("--cache", h("cli.help.cache"))
    .option("--cache-location <path>", h("cli.help.cacheLocation"))
    .option("-j, --jobs <n>", h("cli.help.jobs"))
    .option("--timeout <ms>", h("cli.help.timeout"))
    .option("--max-file-size <size>", h("cli.help.maxFileSize"))
    .option("--ignore-pattern <glob>", h("cli.help.ignorePattern"), collectList)
    .option("--stdin", h("cli.help.stdin"))
    .option("--stdin-filename <name>", h("cli.help.stdinFilename"))
    .option("-q, --quiet", h("cli.help.quiet"))
    .option("--debug", h("cli.help.debug"))
    .version(toolVersion(), "-v, --version", h("cli.help.version"))
    .helpOption("-h, --help", h("cli.help.help"))
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: () => {} })   // usage errors are printed by us, in the user's language
    .configureHelp({ styleTitle: (title: string) => (locale === "ja" ? HELP_TITLES_JA[title] ?? title : title) });
  program.command("rules").description(h("cli.help.cmdRules"));
  program.command("explain").argument("<rule>").description(h("cli.help.cmdExplain"));
  program.command("init").description(h("cli.help.cmdInit"));
  program.command("test-ruleset").argument("<file>").description(h("cli.help.cmdTestRuleset"));
  program.command("annotate").argument("<file>").description(h("cli.help.cmdAnnotate"));
  program.command("compare").argument("<editions...>").description(h("cli.help.cmdCompare"))
    .option("--compare-to-git <ref>", h("cli.help.compareToGit"));
  for (const c of program.commands) c.exitOverride().configureOutput({ writeErr: () => {} }).helpOption("-h, --help", h("cli.help.help"));
  return program;
}

interface Invocation { command: "lint" | "rules" | "explain" | "init" | "test-ruleset" | "annotate" | "compare"; args: string[]; opts: GlobalOpts }

function parse(program: Command, argv: string[]): Promise<Invocation> {
  return new Promise((resolve, reject) => {
    program.action((files: string[], _o, cmd: Command) => resolve({ command: "lint", args: files, opts: cmd.opts<GlobalOpts>() }));
    for (const c of program.commands) {
      c.action((...a: unknown[]) => {
        const cmd = a[a.length - 1] as Command;
        resolve({ command: c.name() as Invocation["command"], args: cmd.args, opts: cmd.optsWithGlobals<GlobalOpts>() });
      });
    }
    program.parseAsync(argv).catch(reject);
  });
}

export async function main(argv: string[], io: Io = processIo, cwd: string = process.cwd()): Promise<number> {
  let locale = localeFromArgv(argv);
  const program = buildProgram(locale);
  let debug = argv.includes("--debug");
  let pool: import("./pool.js").LintPool | undefined;
  try {
    const inv = await parse(program, argv);
    const o = inv.opts;
    debug = Boolean(o.debug);
    if (o.locale !== undefined) locale = parseLocale(o.locale);
    // compare checks its own, narrower list of formats.
    const format: FormatName | "json-rules" = inv.command === "rules" && o.format === "json" ? "json-rules"
      : inv.command === "compare" ? "stylish" : parseFormat(o.format ?? "stylish");
    const ruleSettings: RuleSetting[] = (o.rule ?? []).map(parseRuleSetting);
    const asOf = o.asOf !== undefined ? parseDate(o.asOf) : undefined;
    const configOpts = { cwd, configPath: o.config, asOf, locale: o.locale !== undefined ? locale : undefined, rulesets: o.ruleset, ruleSettings };

    if (inv.command === "init") {
      const { runInit } = await import("./commands/init.js");
      return await runInit(cwd, locale, io);
    }
    if (inv.command === "test-ruleset") {
      const { runTestRuleset } = await import("./commands/test-ruleset.js");
      return await runTestRuleset(cwd, inv.args[0]!, { asOf, locale }, io);
    }
    const lintOpts = inv.command === "lint" ? await lintOptions(inv, o, format as FormatName, locale, cwd) : undefined;
    if (lintOpts?.outputFile) {
      const { checkOutputDir } = await import("./output.js");
      await checkOutputDir(lintOpts.outputFile);
    }
    if (lintOpts?.writeBaseline) {
      const { checkOutputDir } = await import("./output.js");
      await checkOutputDir(path.resolve(cwd, lintOpts.writeBaseline));
    }
    if (lintOpts && lintOpts.inputs.length && !lintOpts.inProcess) {
      const { startPool } = await import("./run-lint.js");
      pool = await startPool(lintOpts);
    }
    const { loadRunConfig } = await import("./config-load.js");
    const config = await loadRunConfig(configOpts);
    if (o.locale === undefined) locale = config.locale ?? locale;
    if (inv.command === "rules") {
      const { runRules } = await import("./commands/rules.js");
      return runRules(config, format === "json-rules", locale, io);
    }
    if (inv.command === "explain") {
      const { runExplain } = await import("./commands/explain.js");
      return runExplain(config, inv.args[0]!, locale, io);
    }
    if (inv.command === "annotate") {
      const { runAnnotate } = await import("./commands/annotate.js");
      return await runAnnotate({
        cwd, input: inv.args[0]!, output: o.outputFile, locale, debug,
        requireReason: Boolean(o.requireReason),
        maxFileBytes: o.maxFileSize !== undefined ? parseSize("--max-file-size", o.maxFileSize) : undefined,
        ...(o.timeout !== undefined ? { timeoutMs: parseCount("--timeout", o.timeout, 1) } : {}),
      }, config, io);
    }
    if (inv.command === "compare") {
      const { runCompare } = await import("./commands/compare.js");
      return await runCompare({
        cwd, editions: inv.args, gitRef: o.compareToGit, format: o.format ?? "stylish", outputFile: o.outputFile, locale, color: o.color, debug,
        maxFileBytes: o.maxFileSize !== undefined ? parseSize("--max-file-size", o.maxFileSize) : undefined,
      }, config, io);
    }
    const { runLint } = await import("./run-lint.js");
    return await runLint({ ...lintOpts!, locale }, config, io, pool);
  } catch (e) {
    return report(e, locale, debug, io);
  } finally {
    pool?.close();
  }
}

async function lintOptions(inv: Invocation, o: GlobalOpts, format: FormatName, locale: Locale, cwd: string) {
  const { cpuCount, defaultJobs, DEFAULT_TIMEOUT_MS } = await import("./run-lint.js");
  const { runsInProcess } = await import("./in-process.js");
  const inputs = [...inv.args];
  if (o.stdin && !inputs.includes("-")) inputs.push("-");
  return {
    cwd, inputs, stdinFilename: o.stdinFilename, format, outputFile: o.outputFile, locale, color: o.color,
    maxWarnings: o.maxWarnings !== undefined ? parseCount("--max-warnings", o.maxWarnings) : -1,
    requireReason: Boolean(o.requireReason),
    jobs: o.jobs === undefined ? defaultJobs() : o.jobs === "auto" ? cpuCount() : parseCount("--jobs", o.jobs, 1),
    timeoutMs: o.timeout !== undefined ? parseCount("--timeout", o.timeout, 1) : DEFAULT_TIMEOUT_MS,
    maxFileBytes: o.maxFileSize !== undefined ? parseSize("--max-file-size", o.maxFileSize) : undefined,
    ignorePatterns: o.ignorePattern ?? [], quiet: Boolean(o.quiet), debug: Boolean(o.debug),
    baseline: o.baseline, writeBaseline: o.writeBaseline,
    ...(o.package !== undefined ? { packageName: o.package } : {}),
    cache: Boolean(o.cache) || o.cacheLocation !== undefined, cacheLocation: o.cacheLocation,
    inProcess: await runsInProcess(inputs, cwd, o.timeout !== undefined),
  };
}

async function report(e: unknown, locale: Locale, debug: boolean, io: Io): Promise<number> {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
    const id = COMMANDER_MESSAGES[e.code];
    const name = /'([^']+)'/.exec(e.message)?.[1] ?? "";
    const message = id ? t(id, { name }, locale) : e.message.replace(/^error: /, "");
    io.err(t("cli.error.usage", { message }, locale) + "\n");
    return 2;
  }
  if (e instanceof UsageError) {
    io.err(t("cli.error.usage", { message: t(e.messageId, e.params, locale) }, locale) + "\n");
    return 2;
  }
  if (e instanceof ConfigError) {
    const { formatConfigError } = await import("../config/format.js");
    for (const line of formatConfigError(e, locale)) io.err(t("cli.error.config", { where: "", message: line }, locale) + "\n");
    return 2;
  }
  const { BaselineError } = await import("./baseline.js");
  if (e instanceof BaselineError) {
    io.err(t(e.messageId, e.params, locale) + "\n");
    return 2;
  }
  const { OutputDirMissing } = await import("./output.js");
  if (e instanceof OutputDirMissing) {
    io.err(t("cli.error.outputDirMissing", { dir: e.dir }, locale) + "\n");
    return 2;
  }
  const err = e as Error;
  io.err(t("cli.error.internal", { message: err?.message ?? String(e) }, locale) + "\n");
  if (debug && err?.stack) io.err(err.stack + "\n");
  return 2;
}
