import { describe, expect, it } from 'vitest';
import { badArgument, argumentName, splitCmdline } from '../../src/core/args.js';
import { invalidUtf8At, jsonErrorAt, parseUserJson } from '../../src/core/user-json.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('parseUserJson says where, never what', () => {
  it.each<[string, Buffer, string]>([
    ['escapes and forged lines at the start', bytes('\u001b]0;pwn\u0007\u001b[2J{\nspasm: fake'), 'is not valid JSON: a syntax error at line 1, column 1'],
    ['a secret after a good start', Buffer.from('{"a": 1,\n  secret-token-123\n}'), 'is not valid JSON: a syntax error at line 2, column 3'],
    ['a trailing comma', Buffer.from('{"a":1,}'), 'is not valid JSON: a syntax error at line 1, column 8'],
    ['cut off', Buffer.from('{"a": [1, 2'), 'is not valid JSON: a syntax error at line 1, column 12'],
    ['a control character in a string', Buffer.from('{"a": "x\u0001"}'), 'is not valid JSON: a syntax error at line 1, column 9'],
    ['two values', Buffer.from('{} {}'), 'is not valid JSON: a syntax error at line 1, column 4'],
    ['empty', Buffer.from(' \n'), 'is not valid JSON: it is empty'],
    ['a bad byte in a field', Buffer.concat([Buffer.from('{\n "episodes": [{"notes": "ok'), Buffer.from([0xff]), Buffer.from('"}]}')]), 'is not UTF-8 text: a bad byte at line 2, column 28 (in $.episodes[0].notes)'],
    ['a bad byte outside any string', Buffer.concat([Buffer.from('{"a": 1'), Buffer.from([0xc3]), Buffer.from('}')]), 'is not UTF-8 text: a bad byte at line 1, column 8'],
    ['an overlong encoding', Buffer.concat([Buffer.from('{"k'), Buffer.from([0xc0, 0xaf]), Buffer.from('": 1}')]), 'is not UTF-8 text: a bad byte at line 1, column 4 (in $["k\ufffd\ufffd"])'],
  ])('%s', (_name, input, problem) => {
    const result = parseUserJson(input);
    expect(result).toEqual({ ok: false, problem });
    // Nothing of the file's content is in the problem, beyond what JSON paths name.
    if (!problem.includes('(in ')) for (const piece of ['pwn', 'fake', 'secret', '\u001b']) expect(problem).not.toContain(piece);
  });

  it('a lone surrogate escape is refused by its path (stored, it would become U+FFFD); a pair is text', () => {
    expect(parseUserJson(Buffer.from('{"episodes": [{"notes": "a\\ud800b"}]}'))).toEqual({ ok: false, problem: 'is not valid text: an escape \\uD800–\\uDFFF without its pair in $.episodes[0].notes' });
    expect(parseUserJson(Buffer.from('{"k\\udc00": 1}'))).toMatchObject({ ok: false });
    expect(parseUserJson(Buffer.from('{"a": "\\ud83d\\ude00"}'))).toEqual({ ok: true, value: { a: '😀' } });
  });

  it('good JSON, a typed U+FFFD included, parses', () => {
    expect(parseUserJson(Buffer.from('{"a": "\ufffd é"}'))).toEqual({ ok: true, value: { a: '\ufffd é' } });
  });

  it('every JSON.parse failure gets a location from the scanner, which agrees with valid JSON', () => {
    for (const text of ['{"a":[1,2,{"b":null}],"c":"\\u00e9\\n"}', '[]', '"x"', '-0.5e+3', 'true']) expect(jsonErrorAt(text)).toBe(-1);
    for (const text of ['{', '[1,]', '{"a" 1}', '01', 'tru', '"\\x"', '{"a":1}}', '[1 2]']) expect(jsonErrorAt(text)).toBeGreaterThanOrEqual(0);
  });

  it.each<[number[], number]>([
    [[0x61, 0xc3, 0xa9], -1],
    [[0x61, 0xff], 1],
    [[0xe0, 0x80, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0], // a surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xe2, 0x82], 1], // cut off
  ])('invalidUtf8At(%j) = %d', (input, at) => expect(invalidUtf8At(Uint8Array.from(input))).toBe(at));
});

describe('arguments that are not UTF-8', () => {
  const raw = (...args: (string | number[])[]) => args.map((a) => (typeof a === 'string' ? Buffer.from(a) : Uint8Array.from(a)));

  it('a U+FFFD that came from a bad byte is found; one typed as such is not', () => {
    const argv = ['log', '--note', 'a\ufffd'];
    expect(badArgument(argv, raw('/usr/bin/node', '/x/spasm.js', 'log', '--note', [0x61, 0xff]))).toBe(2);
    expect(badArgument(argv, raw('/usr/bin/node', '/x/spasm.js', 'log', '--note', 'a\ufffd'))).toBe(-1);
  });

  it('without the raw bytes, U+FFFD itself is refused', () => {
    expect(badArgument(['log', '--note', 'a\ufffd'])).toBe(2);
    expect(badArgument(['log', '--note', 'fine'])).toBe(-1);
  });

  it.each<[string[], number, string]>([
    [['log', '--note', 'x'], 2, 'the value of --note'],
    [['log', '--note=x'], 1, 'the value of --note'],
    [['import', 'x'], 1, 'argument 2'],
    [['log', '--nöte'], 1, 'the option 2'],
  ])('%j names argument %d as %s', (argv, i, name) => expect(argumentName(argv, i)).toBe(name));

  it('splits /proc/self/cmdline', () => {
    expect(splitCmdline(Buffer.from('node\0a b\0\0c\0')).map((b) => Buffer.from(b).toString())).toEqual(['node', 'a b', '', 'c']);
  });
});
