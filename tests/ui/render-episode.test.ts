import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { newEpisode, type Episode } from '../../src/core/records.js';
import { loadLogOptions } from '../../src/data/index.js';
import { renderEpisode, renderEpisodeList, stateOf } from '../../src/ui/render-episode.js';

const now = new Date('2026-11-27T12:00:00+01:00');
const options = loadLogOptions();

function episode(id: string, onset: string, overrides: Partial<Episode> = {}): Episode {
  return { ...newEpisode(id, onset, 'log'), ...overrides };
}

const episodes = [
  episode('eaaaa', '2025-03-02T08:00:00+01:00', { endedAt: '2025-03-04T20:00:00+01:00', peakPain: 6, legs: 'below-knee', triggers: ['x'.repeat(150), 'lifting'] }),
  episode('ebbbbbbb', '2026-11-26T07:45:00+01:00', { peakPain: 9, triggers: ['sneezing'] }),
  episode('ecccc', '2026-10-01T09:00:00+02:00', { peakPain: null }),
];

describe('renderEpisodeList', () => {
  it('newest first; the ongoing one marked by a symbol and a word; an unended old one says so', () => {
    const lines = renderEpisodeList(episodes, 'ebbbbbbb', false).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '  id        began             lasted       worst  legs        triggers',
      '> ebbbbbbb  2026-11-26 07:45  ongoing      9/10   -           sneezing',
      '  ecccc     2026-10-01 09:00  not ended    -      -           -',
      `  eaaaa     2025-03-02 08:00  2 days 12 h  6/10   below-knee  ${'x'.repeat(17)}…`,
    ]);
    expect(lines).toContain('3 episodes; > marks the ongoing one (ebbbbbbb).');
  });

  it.each([80, 60, 100])('every line fits %i columns, with colour or without', (width) => {
    for (const color of [false, true]) {
      for (const line of renderEpisodeList(episodes, 'ebbbbbbb', color, width).split('\n')) {
        expect(stripVTControlCharacters(line).length).toBeLessThanOrEqual(width);
      }
    }
  });

  it('with colour, the text is the same once the colour is removed', () => {
    expect(stripVTControlCharacters(renderEpisodeList(episodes, 'ebbbbbbb', true))).toBe(renderEpisodeList(episodes, 'ebbbbbbb', false));
  });
});

describe('renderEpisode', () => {
  it('the whole record, labels for known options, free text as typed', () => {
    const e = episode('eaaaa', '2026-11-20T08:00:00+01:00', {
      endedAt: '2026-11-22T08:00:00+01:00',
      pain: [{ at: '2026-11-20T08:00:00+01:00', score: 7 }, { at: '2026-11-22T08:00:00+01:00', score: 2 }],
      peakPain: 7,
      triggers: ['lifting', 'carrying a sofa'],
      helped: ['heat'],
      legs: 'thigh',
      notes: 'first line\nsecond line',
      redFlags: { at: '2026-11-20T08:05:00+01:00', positive: [], tier: 'none' },
    });
    expect(renderEpisode(e, null, now, options, false)).toBe(
      [
        'Episode eaaaa  (recorded with spasm log)',
        'Began       Fri 20 Nov 08:00 (2026-11-20T08:00:00+01:00)',
        'Ended       Sun 22 Nov 08:00, after 2 days',
        'Worst pain  7 out of 10',
        'Pain        7 at Fri 20 Nov 08:00; 2 at Sun 22 Nov 08:00',
        'Triggers    Lifting something; carrying a sofa',
        'Helped      Heat pack',
        'Leg spread  Into the thigh',
        'Red flags   none (screened Fri 20 Nov 08:05)',
        'Note',
        '  first line',
        '  second line',
        '',
      ].join('\n'),
    );
  });

  it('says ongoing in words', () => {
    expect(renderEpisode(episodes[1]!, 'ebbbbbbb', now, options, false)).toMatch(/Ended +ongoing, 1 day 4 h since it began/);
    expect(stateOf(episodes[2]!, 'ebbbbbbb')).toBe('not ended');
  });
});
