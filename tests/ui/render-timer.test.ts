import { describe, expect, it } from 'vitest';
import { frameAt, type PacePhase } from '../../src/core/timer.js';
import { breatheLine, reminderBelow, therapyLine } from '../../src/ui/render-timer.js';

const box: PacePhase[] = [
  { kind: 'in', seconds: 4 },
  { kind: 'hold', seconds: 4 },
  { kind: 'out', seconds: 4 },
  { kind: 'hold', seconds: 4 },
];
const slow: PacePhase[] = [
  { kind: 'in', seconds: 4 },
  { kind: 'out', seconds: 6 },
];
const threeMinutes = 180_000;
const line = (phases: PacePhase[], elapsed: number) => breatheLine(frameAt(0, threeMinutes, elapsed), elapsed, phases, false);

describe('breatheLine', () => {
  it.each<[string, PacePhase[], number, string]>([
    ['slow, breathing in: the dots fill', slow, 1000, 'Breathe in   3  ●●      02:59 left'],
    ['slow, breathing out: the dots empty', slow, 5000, 'Breathe out  5  ●●●●●   02:55 left'],
    ['box, breathing in', box, 0, 'Breathe in   4  ●     03:00 left'],
    ['box, the hold after in: full', box, 5000, 'Hold         3  ●●●●  02:55 left'],
    ['box, breathing out', box, 8000, 'Breathe out  4  ●●●●  02:52 left'],
    ['box, the hold after out: empty', box, 13_000, 'Hold         3        02:47 left'],
  ])('%s', (_name, phases, elapsed, expected) => {
    expect(line(phases, elapsed)).toBe(expected);
  });
});

describe('therapyLine', () => {
  it('names the kind, the time left, a bar, and the reminder under it', () => {
    expect(therapyLine('cold', frameAt(0, 1_200_000, 600_000), 'Use a cloth.', false)).toBe('Cold  10:00 left  ██████████░░░░░░░░░░\n  Use a cloth.');
  });
});

describe('reminderBelow', () => {
  const gentle = 'Breathe gently, without forcing. If the pace feels hard, breathe at a pace that is comfortable for you.';
  it.each([
    [80, '\n  Breathe gently, without forcing. If the pace feels hard, breathe at a pace\n  that is comfortable for you.'],
    [40, '\n  Breathe gently, without forcing. If\n  the pace feels hard, breathe at a pace\n  that is comfortable for you.'],
    [200, '\n  Breathe gently, without forcing. If the pace feels hard, breathe at a pace\n  that is comfortable for you.'],
  ])('at %d columns, wrapped at words, indented, within the width', (width, expected) => {
    const text = reminderBelow(gentle, false, width);
    expect(text).toBe(expected);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(Math.min(width, 80));
  });

  it('nothing for no reminder', () => expect(reminderBelow('', false)).toBe(''));
});
