// JavaScript's `\s` as a test on one UTF-16 code unit: the readers and the title-line check ask it of
// single characters, where `/\s/.test(text[i])` first makes a one-character string (a new one for
// every character outside Latin-1, which most of a Japanese spec is).

/** Whether code unit `c` is in `\s` (the same set with or without the `u` flag). */
export function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
