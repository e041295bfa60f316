import { describe, expect, it } from 'vitest';
import { breathAt, formatCountdown, frameAt, msToNextSecond, progressBar, type PacePhase } from '../../src/core/timer.js';

describe('frameAt', () => {
  it.each([
    [0, 60_000, 0, false],
    [30_000, 30_000, 0.5, false],
    [60_000, 0, 1, true],
    [90_000, 0, 1, true],
    [-5_000, 60_000, 0, false],
  ])('at %d ms: %d left, fraction %d, done %s', (now, remaining, fraction, done) => {
    expect(frameAt(0, 60_000, now)).toEqual({ remainingMs: remaining, fraction, done });
  });

  it('does not drift: late ticks still land on the clock', () => {
    // Ticks that arrive 37 ms late each time do not add up: the frame reads the clock.
    let now = 0;
    for (let i = 0; i < 100; i++) now += 1037;
    expect(frameAt(0, 120_000, now).remainingMs).toBe(120_000 - 103_700);
  });
});

const slow: PacePhase[] = [
  { kind: 'in', seconds: 4 },
  { kind: 'out', seconds: 6 },
];
const box: PacePhase[] = [
  { kind: 'in', seconds: 4 },
  { kind: 'hold', seconds: 4 },
  { kind: 'out', seconds: 4 },
  { kind: 'hold', seconds: 4 },
];

describe('breathAt', () => {
  it.each<[string, PacePhase[], number, string, number, number, number]>([
    ['slow', slow, 0, 'in', 4, 1, 0],
    ['slow', slow, 999, 'in', 4, 1, 0],
    ['slow', slow, 1000, 'in', 3, 1, 0],
    ['slow', slow, 3999, 'in', 1, 1, 0],
    ['slow', slow, 4000, 'out', 6, 1, 1],
    ['slow', slow, 9999, 'out', 1, 1, 1],
    ['slow', slow, 10_000, 'in', 4, 2, 0],
    ['slow', slow, 175_000, 'out', 5, 18, 1],
    ['box', box, 0, 'in', 4, 1, 0],
    ['box', box, 4000, 'hold', 4, 1, 1],
    ['box', box, 7999, 'hold', 1, 1, 1],
    ['box', box, 8000, 'out', 4, 1, 2],
    ['box', box, 12_000, 'hold', 4, 1, 3],
    ['box', box, 15_999, 'hold', 1, 1, 3],
    ['box', box, 16_000, 'in', 4, 2, 0],
  ])('%s pace, case %#', (_name, phases, elapsed, phase, count, breath, index) => {
    expect(breathAt(elapsed, phases)).toEqual({ phase, count, breath, index });
  });
});

describe('formatting', () => {
  it.each([
    [1_200_000, '20:00'],
    [61_000, '01:01'],
    [500, '00:01'],
    [0, '00:00'],
  ])('%d ms → %s', (remaining, text) => expect(formatCountdown(remaining)).toBe(text));

  it('draws a bar of the given width', () => {
    expect(progressBar(0.5, 10)).toBe('█████░░░░░');
    expect(progressBar(2, 4)).toBe('████');
  });

  it('waits to the next whole second', () => {
    expect(msToNextSecond(12_400)).toBe(400);
    expect(msToNextSecond(12_000)).toBe(1000);
    expect(msToNextSecond(300)).toBe(300);
  });
});
