import type { Catalogue } from "./index.js";

export const cliMessages: Catalogue = {
};
