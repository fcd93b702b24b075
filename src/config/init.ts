// The commented `.chotatsu-lint.yaml` written by `chotatsu-lint init`.
import { t, type Locale } from "../i18n/index.js";
import { DEFAULT_RULESET } from "./paths.js";
import { SCHEMA_INSTALLED_PATH } from "./schema.js";
import { todayLocal } from "./dates.js";

/** Valid YAML that loads as is: every optional setting is present but commented out. */
export function initConfigText(locale: Locale, today: string = todayLocal()): string {
  return t("config.init.template", { schema: SCHEMA_INSTALLED_PATH + "config.schema.json", ruleset: DEFAULT_RULESET, today }, locale);
}
