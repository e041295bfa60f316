// Command-line arguments that are not UTF-8 text. Node decodes argv lossily
// (each bad byte becomes U+FFFD), so the decoded strings alone cannot tell
// a bad byte from a typed U+FFFD; the raw bytes can (on Linux, from
// /proc/self/cmdline). Where there are none, U+FFFD itself is refused: it
// stands for a lost character, and storing it would keep the loss.
import { isUtf8 } from 'node:buffer';

/**
 * The index of the first argument that was not valid UTF-8, or -1. `raw` are
 * the bytes of the process's whole command line; its last argv.length
 * entries are these arguments.
 */
export function badArgument(argv: readonly string[], raw?: readonly Uint8Array[]): number {
  const tail = raw && raw.length >= argv.length ? raw.slice(raw.length - argv.length) : undefined;
  return argv.findIndex((arg, i) => arg.includes('\ufffd') && !(tail && isUtf8(tail[i]!)));
}

/** How a refusal names argument `i`: the flag it belongs to, or its position. */
export function argumentName(argv: readonly string[], i: number): string {
  const arg = argv[i]!;
  const own = /^(--?[a-z][a-z-]*)=/i.exec(arg);
  if (own) return `the value of ${own[1]}`;
  if (arg.startsWith('-')) return `the option ${i + 1}`;
  const before = argv[i - 1];
  if (before !== undefined && /^--?[a-z][a-z-]*$/i.test(before)) return `the value of ${before}`;
  return `argument ${i + 1}`;
}

/** Splits the bytes of /proc/self/cmdline (NUL-terminated strings). */
export function splitCmdline(bytes: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      parts.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) parts.push(bytes.subarray(start));
  return parts;
}
