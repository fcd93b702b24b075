// Terminal colours for the human formats (stylish, the package view, compare).
export interface Paint { red(s: string): string; yellow(s: string): string; blue(s: string): string;
  dim(s: string): string; bold(s: string): string; underline(s: string): string; green(s: string): string }

const plain: Paint = { red: (s) => s, yellow: (s) => s, blue: (s) => s, dim: (s) => s, bold: (s) => s,
  underline: (s) => s, green: (s) => s };

/** chalk is loaded only when colours are on, so piped and CI runs never pay for it. */
export async function paint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import("chalk");
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, blue: c.blue, dim: c.dim, bold: c.bold, underline: c.underline, green: c.green };
}
