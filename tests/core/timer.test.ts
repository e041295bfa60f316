import { describe, expect, it } from 'vitest';
import { breathAt, formatCountdown, frameAt, msToNextSecond, progressBar } from '../../src/core/timer.js';

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

describe('breathAt (4 s in, 6 s out)', () => {
  it.each([
    [0, 'in', 4, 1],
    [999, 'in', 4, 1],
    [1000, 'in', 3, 1],
    [3999, 'in', 1, 1],
    [4000, 'out', 6, 1],
    [9999, 'out', 1, 1],
    [10_000, 'in', 4, 2],
    [175_000, 'out', 5, 18],
  ])('at %d ms: %s, count %d, breath %d', (elapsed, phase, count, breath) => {
    expect(breathAt(elapsed, 4, 6)).toEqual({ phase, count, breath });
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
