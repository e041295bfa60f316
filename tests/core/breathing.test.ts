import { describe, expect, it } from 'vitest';
import { describePace, pacesOf } from '../../src/core/breathing.js';
import type { Breathing } from '../../src/data/types.js';

const base: Breathing = { inhaleSeconds: 4, exhaleSeconds: 6, minutes: 3, sources: ['J1'] };

describe('pacesOf', () => {
  it.each<[string, Breathing, string[]]>([
    ['only the default', base, ['slow: in for 4 s, out for 6 s']],
    [
      'box and shorter, the default first',
      { ...base, box: { inSeconds: 4, holdSeconds: 4, outSeconds: 4, holdOutSeconds: 4 }, shorter: { inhaleSeconds: 3, exhaleSeconds: 4 } },
      ['slow: in for 4 s, out for 6 s', 'box: in for 4 s, hold for 4 s, out for 4 s, hold for 4 s', 'shorter: in for 3 s, out for 4 s'],
    ],
    ['a box without holds of 0 s', { ...base, box: { inSeconds: 4, holdSeconds: 2, outSeconds: 6, holdOutSeconds: 0 } }, ['slow: in for 4 s, out for 6 s', 'box: in for 4 s, hold for 2 s, out for 6 s']],
  ])('%s', (_name, breathing, expected) => {
    expect(pacesOf(breathing).map((p) => `${p.id}: ${describePace(p)}`)).toEqual(expected);
  });
});
