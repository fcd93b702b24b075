// `chotatsu-lint init`: writes a commented .chotatsu-lint.yaml, never over an existing file.
import { promises as fs } from "node:fs";
import path from "node:path";
import { t, type Locale } from "../../i18n/index.js";
import type { Io } from "../io.js";

export const CONFIG_FILE_NAME = ".chotatsu-lint.yaml";

export async function runInit(cwd: string, locale: Locale, io: Io): Promise<number> {
  const target = path.join(cwd, CONFIG_FILE_NAME);
  const other = path.join(cwd, ".chotatsu-lint.yml");
  for (const existing of [target, other]) {
    if (await fs.stat(existing).then(() => true, () => false)) {
      io.err(t("cli.init.exists", { file: path.basename(existing) }, locale) + "\n");
      return 2;
    }
  }
  const { initConfigText } = await import("../../config/index.js");
  try {
    // "wx" fails if the file appeared meanwhile: never overwrite, even in a race.
    await fs.writeFile(target, initConfigText(locale), { flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") {
      io.err(t("cli.init.exists", { file: CONFIG_FILE_NAME }, locale) + "\n");
      return 2;
    }
    throw e;
  }
  io.out(t("cli.init.written", { file: CONFIG_FILE_NAME }, locale) + "\n");
  return 0;
}
