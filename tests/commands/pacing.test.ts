// Hands-free pacing (issue #14 item 5): each exercise is announced, then time
// to get into position before its first hold, longer when the position changes.
import { describe, expect, it } from 'vitest';
import { routine } from '../../src/commands/routine.js';
import { start } from '../../src/commands/start.js';
import { loadExercises, loadProtocol } from '../../src/data/index.js';
import { fakeDeps, type FakeDeps } from '../helpers/fake-deps.js';

const nameOf = (id: string) => loadExercises().byId.get(id)!.name;

/** Every line on the progress stream with the program time it was written at. */
function timedLines(f: FakeDeps): [number, string][] {
  const lines: [number, string][] = [];
  const stream = f.deps.io.progressStream();
  const write = stream.write.bind(stream);
  f.deps.io.progressStream = () => ({
    ...stream,
    write: (s: string) => {
      for (const line of s.split('\n').filter(Boolean)) lines.push([f.deps.clock.now().getTime(), line]);
      return write(s);
    },
  }) as NodeJS.WriteStream;
  return lines;
}

/** For each "Get into position" line: the exercise, the seconds announced, and the program seconds until the next line (its first hold). */
function gaps(lines: [number, string][]) {
  return lines.flatMap(([t, line], i) => {
    const m = /^Get into position for (.+): (\d+) s\.$/.exec(line);
    return m ? [[m[1], Number(m[2]), (lines[i + 1]![0] - t) / 1000] as const] : [];
  });
}

describe('hands-free pacing', () => {
  it('routine: 25 s to get down at the start and for each change of position, 10 s otherwise, before the first hold', async () => {
    const f = fakeDeps({ now: '2026-11-27T08:00:00+01:00' });
    const lines = timedLines(f);
    await routine({ handsFree: true, painBefore: '3', painAfter: '2' }, f.deps);
    const expected: [string, number][] = [
      ['pelvic-tilt', 25],
      ['knee-to-chest-single', 10],
      ['knee-rolls', 10],
      ['childs-pose', 25], // lying on the back → all fours
      ['cat-cow', 10],
      ['hamstring-stretch', 25], // all fours → back
      ['piriformis-stretch', 10],
    ];
    // The announced time is the time it waits.
    expect(gaps(lines)).toEqual(expected.map(([id, s]) => [nameOf(id), s, s]));
    // Each exercise is announced on screen before the wait.
    expect(f.stdout()).toContain(`Exercise 4 of 7\n${nameOf('childs-pose')}`);
  });

  it('start: the movements begin in the rest position, on the back, so the first needs 10 s', async () => {
    const f = fakeDeps({ now: '2026-11-27T08:00:00+01:00' });
    const lines = timedLines(f);
    await start({ pain: '5', redFlags: 'none', handsFree: true, onset: 'now' }, f.deps);
    const movements = loadProtocol().steps.find((s) => s.id === 'stretches')!.exercises!;
    const got = gaps(lines);
    expect(got.map(([name]) => name)).toEqual(movements.map(nameOf));
    expect(got[0]).toEqual([nameOf(movements[0]!), 10, 10]);
    for (const [, announced, waited] of got) expect(waited).toBe(announced);
  });
});
