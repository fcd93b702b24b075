import type { Catalogue } from "./index.js";

export const textReaderMessages: Catalogue = {
};
