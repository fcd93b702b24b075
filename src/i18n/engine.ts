import type { Catalogue } from "./index.js";

export const engineMessages: Catalogue = {
};
