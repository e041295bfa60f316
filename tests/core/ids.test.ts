import { describe, expect, it } from 'vitest';
import { ID_PATTERN, newId, resolveId } from '../../src/core/ids.js';

describe('newId', () => {
  it('makes short ids without look-alike characters', () => {
    let x = 0;
    const id = newId('e', new Set(), () => ((x += 0.37) % 1));
    expect(id).toMatch(ID_PATTERN);
    expect(id).toHaveLength(5);
    expect(id).not.toMatch(/[01ilo]/);
  });

  it('never returns a taken (live or retired) id', () => {
    const taken = new Set<string>();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 2000; i++) {
      const id = newId('r', taken, random);
      expect(taken.has(id)).toBe(false);
      taken.add(id);
    }
  });

  it('grows longer when the short space is exhausted, so it always ends', () => {
    const always = () => 0; // the same short id every time
    const first = newId('e', new Set(), always);
    expect(newId('e', new Set([first]), always)).toHaveLength(6);
  });
});

describe('resolveId', () => {
  const ids = ['e7k2q', 'e7k9x', 'eabcd'];
  it.each([
    ['e7k2q', { id: 'e7k2q' }],
    ['E7K2Q', { id: 'e7k2q' }],
    ['eab', { id: 'eabcd' }],
    ['e7k', { error: 'ambiguous', matches: ['e7k2q', 'e7k9x'] }],
    ['ezzz', { error: 'unknown', matches: [] }],
    ['', { error: 'unknown', matches: [] }],
  ])('%j', (input, expected) => expect(resolveId(input, ids)).toEqual(expected));

  it.each([
    ['e', { error: 'too-short', matches: [] }],
    ['ea', { error: 'too-short', matches: [] }],
    ['eab', { id: 'eabcd' }],
    ['eabcd', { id: 'eabcd' }],
  ])('with a 3-character minimum, %j', (input, expected) => expect(resolveId(input, ['eabcd'], 3)).toEqual(expected));
});
