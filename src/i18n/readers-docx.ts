import type { Catalogue } from "./index.js";

export const docxReaderMessages: Catalogue = {
};
