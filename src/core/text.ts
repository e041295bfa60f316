// Plain-text layout, shared by ui/ and run.ts (which must not load chalk).

/**
 * Wraps `text` into lines of at most `width` columns, indenting the lines
 * after the first by `indent` spaces. Made for text that follows a label or
 * a number of `indent` columns (`" 1. "`, `"Note: "`), which callers print
 * before it: every line then ends within the label plus `width`.
 */
export function wrap(text: string, width: number, indent = 0): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i ? ' '.repeat(indent) + l : l)).join('\n');
}

/** Code-unit order: the same on every machine and locale, so sorted output is byte-identical everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
