// The shapes every message catalogue shares; kept apart from index.ts (which merges the catalogues)
// so a catalogue file never imports the module that imports it.
export type Locale = "ja" | "en";
export interface MessageText { ja: string; en: string }
export type Catalogue = Record<string, MessageText>;
export type Params = Record<string, string | number | undefined>;
