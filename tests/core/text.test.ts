import { describe, expect, it } from 'vitest';
import { commanderMessage, compareText, inert, printable, printableKeepingBreaks, quoted, toJson, wrap } from '../../src/core/text.js';

const caution = 'Breathe gently, without forcing. If the pace feels hard, breathe at a pace that is comfortable for you.';

describe('wrap', () => {
  it.each<[string, string, number, number, string]>([
    ['fits on one line', 'Lie on your back.', 40, 0, 'Lie on your back.'],
    ['breaks at words, every line within the width', caution, 30, 0, 'Breathe gently, without\nforcing. If the pace feels\nhard, breathe at a pace that\nis comfortable for you.'],
    // After a label of 6 columns ("Note: "): each line holds 30 columns of text, the later ones indented by 6.
    ['after a label: the same width on every line', caution, 30, 6, 'Breathe gently, without\n      forcing. If the pace feels\n      hard, breathe at a pace that\n      is comfortable for you.'],
    ['a word longer than the width stays whole on its own line', 'see https://example.org/a/very/long/address now', 20, 2, 'see\n  https://example.org/a/very/long/address\n  now'],
    ['spaces and newlines collapse', '  one \n two  ', 20, 0, 'one two'],
    ['nothing', '', 20, 4, ''],
  ])('%s', (_name, text, width, indent, expected) => {
    expect(wrap(text, width, indent)).toBe(expected);
  });

  it('with the label printed before it, no line passes the label plus the width', () => {
    const label = ' 1. ';
    const lines = `${label}${wrap(caution, 76, label.length)}`.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    // The first continuation line is filled close to the width, not cut short by the indent twice.
    expect(lines[0]!.length + lines[1]!.split(' ').filter(Boolean)[0]!.length + 1).toBeGreaterThan(80);
  });
});

describe('compareText', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['Z', 'a', -1],
  ])('%s vs %s → %d', (a, b, expected) => expect(compareText(a, b)).toBe(expected));
});

describe('printable, inert and quoted: any echoed value is made safe', () => {
  const hostile = 'a\u001b]0;title\u0007\u001b[2J\u009b31m\u007f\u0000\u202ecba\u2066x\u2069\u2028\r\n\tz';
  it.each<[string, (s: string) => string, string]>([
    // Multi-line user text keeps its newlines and tabs, nothing else raw.
    ['printable', printable, 'a␛]0;title\\x07␛[2J\\x9b31m\\x7f\\x00\\u202ecba\\u2066x\\u2069\\u2028\\x0d\n\tz'],
    ['printable keeping line breaks (CSV)', printableKeepingBreaks, 'a␛]0;title\\x07␛[2J\\x9b31m\\x7f\\x00\\u202ecba\\u2066x\\u2069\\u2028\r\n\tz'],
    // A value on one line: not even a newline stays.
    ['inert', inert, 'a␛]0;title\\x07␛[2J\\x9b31m\\x7f\\x00\\u202ecba\\u2066x\\u2069\\u2028\\r\\n\\tz'],
    ['quoted', quoted, '"a␛]0;title\\x07␛[2J\\x9b31m\\x7f\\x00\\u202ecba\\u2066x\\u2069\\u2028\\r\\n\\tz"'],
  ])('%s', (_name, fn, expected) => {
    expect(fn(hostile)).toBe(expected);
  });

  it.each(['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u0085', '\u009b', '\u007f', '\u001b'])(
    'inert leaves no raw %j',
    (ch) => {
      expect(inert(`x${ch}y`)).not.toContain(ch);
      expect(printable(`x${ch}y`)).not.toContain(ch);
    },
  );

  it('keeps ordinary text of every script as it is', () => {
    const text = 'Rücken – שלום – 背中 – 😀';
    expect(inert(text)).toBe(text);
    expect(printable(text)).toBe(text);
  });
});

describe('toJson: the one JSON writer', () => {
  const value = { note: 'a\u007f\u0085\u009b\u2028\u2029\u202e\u2066b\u001b\n', n: 1 };
  it('escapes DEL, C1, the line separators and bidi controls; C0 as JSON.stringify does', () => {
    const out = toJson(value);
    expect(out).toBe('{\n  "note": "a\\u007f\\u0085\\u009b\\u2028\\u2029\\u202e\\u2066b\\u001b\\n",\n  "n": 1\n}\n');
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
  it('parses back to the same data', () => {
    expect(JSON.parse(toJson(value))).toEqual(value);
  });
});

describe('commanderMessage', () => {
  it.each([
    ["error: unknown option '--bo\ngus'\n", "spasm: unknown option '--bo\\ngus'\n"],
    ["error: unknown command 'x\u001b[31m'\n(Did you mean log?)\n", "spasm: unknown command 'x␛[31m'\n(Did you mean log?)\n"],
    ["error: too many arguments for 'show'. Expected 1 argument but got 2.\n", "spasm: too many arguments for 'show'. Expected 1 argument but got 2.\n"],
  ])('%j', (input, expected) => expect(commanderMessage(input)).toBe(expected));
});
