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

// Characters that can steer a terminal or reorder what is shown: C0 controls,
// DEL, C1 controls (U+009B is a one-byte CSI), the bidi embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069, the "Trojan Source" set), and
// the line and paragraph separators. Tab and newline are handled by the callers.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '␛' };
const hex = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

function shown(text: string, keep: string): string {
  return text.replace(UNSAFE, (c) => (keep.includes(c) ? c : c === '\u001b' ? '␛' : hex(c)));
}

/**
 * User text (notes, names, program texts) made safe to show: every character
 * that could steer the terminal or reorder the line is shown as an escape
 * (ESC as ␛, others as \xNN or \uNNNN). Newlines and tabs stay, so a note
 * keeps its paragraphs.
 */
export function printable(text: string): string {
  return shown(text, '\n\t');
}

/** As printable(), keeping carriage returns too: a CSV cell keeps its line breaks exactly as written. */
export function printableKeepingBreaks(text: string): string {
  return shown(text, '\n\r\t');
}

/**
 * Any value echoed back on one line (in an error, a confirmation): as
 * printable(), and newlines, carriage returns and tabs as \n, \r, \t, so a
 * value can never start a line of its own (`--pain $'5\nspasm: fake'`).
 */
export function inert(value: string): string {
  return value.replace(UNSAFE, (c) => NAMED[c] ?? hex(c));
}

/** A value quoted for a message: "…", made inert. */
export function quoted(value: string): string {
  return `"${inert(value)}"`;
}

// In JSON, C0 controls are already escaped by JSON.stringify; these are not.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * The one JSON writer of every machine-readable output (`--json`, `export`,
 * `report --format json`): two-space indented, one value, a final newline.
 * DEL, C1 controls, the line separators and the bidi controls are written
 * as \u escapes, so the output cannot steer a terminal or reorder a line
 * when printed there; it parses back to exactly the same data.
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/**
 * One of commander's error messages as spasm prints it: "spasm: …", each
 * value commander quoted ('…') made inert, so a typed option name cannot
 * forge a line; the rest (its own "Did you mean" line) printable.
 */
export function commanderMessage(text: string): string {
  return printable(text.replace(/^error: /, 'spasm: ').replace(/'([^']*)'/g, (_all, value: string) => `'${inert(value)}'`));
}
