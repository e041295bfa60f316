// A JSON file the user named (an export to import, a program file), parsed
// so that a refusal says where the problem is and never what the file holds:
// its bytes may be anything (escape sequences, lines that look like spasm's
// own, another user's secrets behind a symlink).
import { isUtf8 } from 'node:buffer';
import { jsonPath, type Segment } from './json-path.js';

export type UserJson = { ok: true; value: unknown } | { ok: false; problem: string };

/** The offset of the first byte that is not part of valid UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    const more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    // No overlong forms, no surrogates, nothing above U+10FFFF (RFC 3629).
    const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= more; k++) {
      const x = bytes[i + k];
      if (x === undefined || x < (k === 1 ? low : 0x80) || x > (k === 1 ? high : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

/** "line 3, column 14" of an offset into `text` (a string or its bytes). */
export function lineColumn(text: string | Uint8Array, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if ((typeof text === 'string' ? text.charCodeAt(i) : text[i]) === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/**
 * Where the first JSON syntax error in `text` is (an offset), or -1. Only
 * asked once JSON.parse has failed: V8's messages quote the text around the
 * error and do not always give a position.
 */
export function jsonErrorAt(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c !== 0x5c) i++;
      else if (text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if (text[i + 1] !== undefined && '"\\/bfnrt'.includes(text[i + 1]!)) i += 2;
      else fail();
    }
    fail();
  };
  const list = (close: string, item: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      space();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') fail();
      i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      return list('}', () => {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    }
    if (c === '[') return list(']', value);
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 1000));
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (at) {
    // A number is where it failed; anything else (a nesting too deep to follow) says nothing.
    return typeof at === 'number' ? at : -1;
  }
}

/** The JSON path of the first string (key or value) that `bad` picks out. */
function pathOf(value: unknown, bad: (text: string) => boolean, at: Segment[] = []): string | undefined {
  if (typeof value === 'string') return bad(value) ? jsonPath(at) : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const segment = Array.isArray(value) ? Number(key) : key;
    if (bad(key)) return jsonPath([...at, segment]);
    const found = pathOf(item, bad, [...at, segment]);
    if (found) return found;
  }
  return undefined;
}

/** A \uD800-style escape without its pair: no character, and written out as UTF-8 it would become U+FFFD. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/**
 * Parses the bytes of a user's JSON file. A problem is described by where it
 * is (line and column, and the JSON path where known), never by the bytes.
 * Text must be UTF-8 (SPEC.md section 3): a bad byte is refused, not kept as U+FFFD.
 */
export function parseUserJson(bytes: Uint8Array): UserJson {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!isUtf8(bytes)) {
    const at = invalidUtf8At(bytes);
    let path: string | undefined;
    try {
      path = pathOf(JSON.parse(text), (t) => t.includes('\ufffd'));
    } catch {
      // Not JSON either: the line and column say enough.
    }
    return { ok: false, problem: `is not UTF-8 text: a bad byte at ${lineColumn(bytes, at)}${path ? ` (in ${path})` : ''}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const at = jsonErrorAt(text);
    const end = text.trim() === '' ? 'it is empty' : `at ${lineColumn(text, at < 0 ? text.length : at)}`;
    return { ok: false, problem: `is not valid JSON: ${text.trim() === '' ? end : `a syntax error ${end}`}` };
  }
  // Only an escape can make one (UTF-8 cannot), so most files need no walk.
  const lone = /\\u[dD][89a-fA-F]/.test(text) ? pathOf(value, (t) => LONE_SURROGATE.test(t)) : undefined;
  if (lone) return { ok: false, problem: `is not valid text: an escape \\uD800–\\uDFFF without its pair in ${lone}` };
  return { ok: true, value };
}
