// Where the CLI writes; tests and the bin both use process streams, kept in one place.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** stderr is a terminal (the progress line is drawn only there). */
  errIsTTY?: boolean;
  /** stdout's width in columns when it is a terminal (long report lines wrap to it). */
  columns?: number;
}

export const processIo: Io = {
  out: (text) => { process.stdout.write(text); },
  err: (text) => { process.stderr.write(text); },
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  get columns() { return process.stdout.isTTY ? process.stdout.columns : undefined; },
};
