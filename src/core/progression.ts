/**
 * How many repetitions of an exercise to do today, derived from the session
 * history alone (nothing extra is stored), so the same history always gives
 * the same dose.
 *
 * The rule (numbers from the program's `progression`, clinical.md §3: start
 * at about 5 reps, add 1–2 every few days up to the maximum):
 * - the dose starts at `reps.start` on the first session that included the
 *   exercise (done or stopped; a skip does not count as doing it);
 * - it steps up by `addReps.min` at most once every `everyDays` calendar days
 *   since the last change, up to `reps.max`;
 * - only when the last `requireCleanSessions` sessions at the current dose
 *   that included the exercise were clean: nothing in the session was stopped
 *   and pain after was not higher than pain before. A stop or a rise in pain
 *   therefore holds the dose until enough clean sessions follow;
 * - it steps by `addReps.max` instead when those sessions were also clearly
 *   easy: every one ended with pain 0 or lower than it began.
 * The history is replayed in order: the dose of each past session is the
 * rule applied to the sessions before it, then the rule is applied at `now`.
 */
import { compareText } from './text.js';
import type { Exercise, Progression } from '../data/types.js';
import { msOf, type RoutineSession } from './records.js';
import { ms, startOfDay } from './time.js';

export interface Progress {
  /** Repetitions for a session at `now`. */
  reps: number;
  /** The repetitions before a step up that happens at `now`, else null. */
  raisedFrom: number | null;
}

/** A session counts towards a step up when nothing was stopped and pain did not rise. */
export function isClean(session: RoutineSession): boolean {
  const stopped = session.exercises.some((e) => e.status === 'stopped');
  const rose = session.painBefore !== null && session.painAfter !== null && session.painAfter > session.painBefore;
  return !stopped && !rose;
}

/** Clean, and pain ended at 0 or lower than it began. */
function isEasy(session: RoutineSession): boolean {
  if (!isClean(session) || session.painAfter === null) return false;
  return session.painAfter === 0 || (session.painBefore !== null && session.painAfter < session.painBefore);
}

/** Whole calendar days from `a` to `b` (local time; rounding absorbs DST's 23/25-hour days). */
function daysBetween(a: number, b: number): number {
  return Math.round((startOfDay(new Date(b)).getTime() - startOfDay(new Date(a)).getTime()) / ms.day);
}

/**
 * The dose of `exercise` for a session at `now`, from `sessions` (any order;
 * those after `now` are ignored).
 */
export function progressFor(exercise: Pick<Exercise, 'id' | 'reps'>, rule: Pick<Progression, 'addReps' | 'everyDays' | 'requireCleanSessions'>, sessions: readonly RoutineSession[], now: Date): Progress {
  const included = sessions
    .filter((s) => msOf(s.at) <= now.getTime() && s.exercises.some((e) => e.id === exercise.id && e.status !== 'skipped'))
    .sort((a, b) => msOf(a.at) - msOf(b.at) || compareText(a.id, b.id));
  const { start, max } = exercise.reps;
  let reps = start;
  let changedAt: number | null = null;
  // Sessions done at the current dose, newest last.
  let atDose: RoutineSession[] = [];

  const stepAt = (when: number): number | null => {
    if (changedAt === null || reps >= max) return null;
    if (daysBetween(changedAt, when) < rule.everyDays) return null;
    const n = rule.requireCleanSessions;
    const recent = atDose.slice(atDose.length - n);
    if (recent.length < n || !recent.every(isClean)) return null;
    const add = n > 0 && recent.every(isEasy) ? rule.addReps.max : rule.addReps.min;
    if (add <= 0) return null;
    const before = reps;
    reps = Math.min(max, reps + add);
    changedAt = when;
    atDose = [];
    return before;
  };

  for (const session of included) {
    const at = msOf(session.at);
    stepAt(at);
    changedAt ??= at;
    atDose.push(session);
  }
  const raisedFrom = stepAt(now.getTime());
  return { reps, raisedFrom };
}
