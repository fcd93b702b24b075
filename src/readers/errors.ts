import type { InputErrorCode } from "../model/finding.js";
import type { Params } from "../i18n/index.js";

/** A file that cannot be read. `messageId` is looked up in src/i18n/readers.ts. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly messageId: string,
    readonly params: Params = {},
  ) {
    super(`${code}: ${messageId} ${JSON.stringify(params)}`);
    this.name = "InputError";
  }
}
