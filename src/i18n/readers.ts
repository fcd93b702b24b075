import type { Catalogue } from "./index.js";

export const readersMessages: Catalogue = {
};
