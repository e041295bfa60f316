import { describe, expect, it } from 'vitest';
import { compareText, wrap } from '../../src/core/text.js';

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
