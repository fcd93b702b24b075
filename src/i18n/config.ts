import type { Catalogue } from "./index.js";

export const configMessages: Catalogue = {
};
