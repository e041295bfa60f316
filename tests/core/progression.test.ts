// The progression rule as a table: a history of sessions in, today's reps out.
import { describe, expect, it } from 'vitest';
import { isClean, progressFor } from '../../src/core/progression.js';
import type { RoutineSession, StepStatus } from '../../src/core/records.js';

const exercise = { id: 'pelvic-tilt', reps: { start: 5, max: 9 } };
const rule = { addReps: { min: 1, max: 2 }, everyDays: 3, requireCleanSessions: 2 };

/** A session on day `day` of November 2026 at 09:00, winter time. */
function s(day: number, painBefore: number | null, painAfter: number | null, status: StepStatus = 'done', id = 'pelvic-tilt'): RoutineSession {
  return {
    id: `r${String(day).padStart(4, 'a')}`,
    at: `2026-11-${String(day).padStart(2, '0')}T09:00:00+01:00`,
    program: 'default',
    painBefore,
    painAfter,
    exercises: [{ id, status }],
  };
}
const on = (day: number, hour = 9) => new Date(`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+01:00`);

describe('progressFor', () => {
  it.each<[string, RoutineSession[], Date, number, number | null]>([
    ['no history: the start dose', [], on(10), 5, null],
    ['one session, days later: not enough clean sessions', [s(1, 2, 2)], on(10), 5, null],
    ['two clean sessions, 3 days after the start: +1', [s(1, 2, 2), s(2, 2, 2)], on(4), 6, 5],
    ['two clean sessions but only 2 days after the start: held (everyDays)', [s(1, 2, 2), s(2, 2, 2)], on(3), 5, null],
    ['calendar days, not hours: 08:00 three days after a 09:00 start counts', [s(1, 2, 2), s(2, 2, 2)], on(4, 8), 6, 5],
    ['a stop in the last two: held', [s(1, 2, 2), s(2, 2, 2, 'stopped')], on(5), 5, null],
    ['a stop, then two clean sessions: steps up again', [s(1, 2, 2), s(2, 2, 2, 'stopped'), s(3, 2, 2), s(4, 2, 2)], on(5), 6, 5],
    ['pain rose after the last session: held', [s(1, 2, 2), s(2, 2, 3)], on(5), 5, null],
    ['pain after unknown is not a rise', [s(1, 2, 2), s(2, 2, null)], on(5), 6, 5],
    ['a skipped exercise does not count as a session of it', [s(1, 2, 2), s(2, 2, 2, 'skipped')], on(5), 5, null],
    ['clearly easy (pain fell every time): +addReps.max', [s(1, 3, 1), s(2, 2, 0)], on(5), 7, 5],
    ['easy and clean mixed: +addReps.min', [s(1, 3, 1), s(2, 2, 2)], on(5), 6, 5],
    ['another exercise in the history does not count', [s(1, 2, 2, 'done', 'cat-cow'), s(2, 2, 2, 'done', 'cat-cow')], on(9), 5, null],
    ['sessions after now are ignored', [s(1, 2, 2), s(2, 2, 2), s(20, 2, 2)], on(3), 5, null],
  ])('%s', (_name, sessions, now, reps, raisedFrom) => {
    expect(progressFor(exercise, rule, sessions, now)).toEqual({ reps, raisedFrom });
  });

  it('replays the history: each step needs everyDays and fresh clean sessions at the new dose', () => {
    // Day 1 start 5; sessions on days 1, 2 → step to 6 on day 4 (at that session);
    // days 4, 5 at 6 → step to 7 needs 3 days from day 4: day 7.
    const history = [s(1, 2, 2), s(2, 2, 2), s(4, 2, 2), s(5, 2, 2)];
    expect(progressFor(exercise, rule, history, on(6))).toEqual({ reps: 6, raisedFrom: null });
    expect(progressFor(exercise, rule, history, on(7))).toEqual({ reps: 7, raisedFrom: 6 });
  });

  it('never goes past reps.max', () => {
    const daily = Array.from({ length: 30 }, (_, i) => s(i + 1, 3, 0));
    expect(progressFor(exercise, rule, daily, on(30, 23))).toEqual({ reps: 9, raisedFrom: null });
    // Easy sessions add 2, but a step from 8 lands on the cap, not 10.
    expect(progressFor({ id: 'pelvic-tilt', reps: { start: 6, max: 7 } }, rule, [s(1, 3, 0), s(2, 3, 0)], on(4))).toEqual({ reps: 7, raisedFrom: 6 });
  });

  it('requireCleanSessions 0 steps up on time alone', () => {
    const free = { ...rule, requireCleanSessions: 0 };
    expect(progressFor(exercise, free, [s(1, 2, 5, 'stopped')], on(4))).toEqual({ reps: 6, raisedFrom: 5 });
  });

  it('addReps 0 never steps up', () => {
    expect(progressFor(exercise, { ...rule, addReps: { min: 0, max: 0 } }, [s(1, 2, 2), s(2, 2, 2)], on(9))).toEqual({ reps: 5, raisedFrom: null });
  });

  it('is the same for the same history in any order', () => {
    const history = [s(1, 2, 2), s(2, 2, 2), s(4, 2, 2), s(5, 2, 2)];
    expect(progressFor(exercise, rule, [...history].reverse(), on(7))).toEqual(progressFor(exercise, rule, history, on(7)));
  });
});

describe('isClean', () => {
  it.each<[string, RoutineSession, boolean]>([
    ['all done, pain same', s(1, 2, 2), true],
    ['pain fell', s(1, 4, 2), true],
    ['pain rose', s(1, 2, 3), false],
    ['a stop', s(1, 2, 2, 'stopped'), false],
    ['no pain answers', s(1, null, null), true],
  ])('%s → %s', (_name, session, clean) => expect(isClean(session)).toBe(clean));

  it('a stop in another exercise of the session makes it unclean', () => {
    const session = s(1, 2, 2);
    session.exercises.push({ id: 'cat-cow', status: 'stopped' });
    expect(isClean(session)).toBe(false);
  });
});
