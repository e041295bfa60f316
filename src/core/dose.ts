// How much of an exercise, and how long it takes: pure, shared by the routine's plan and the screens.
import type { Exercise } from '../data/types.js';

/** How much of an exercise to do today (the routine's progression may raise reps). */
export interface Dose {
  reps: number;
  sets: number;
  holdSeconds: number;
}

export const doseOf = (e: Exercise): Dose => ({ reps: e.reps.start, sets: e.sets, holdSeconds: e.holdSeconds });

/** A short pause between repetitions, to let go before the next hold (pacing, not a clinical dose). */
export const RELAX_SECONDS = 3;

/** Is one repetition a slow breath (never held, no pause between) rather than a hold? */
export const isBreaths = (e: Pick<Exercise, 'eachRep'>): boolean => e.eachRep === 'breath';

/** About how long the exercise takes at `dose`, in seconds: holds, relaxing between repetitions, rests between sets. */
export function exerciseSeconds(e: Exercise, dose: Dose): number {
  const reps = dose.sets * dose.reps * (e.perSide ? 2 : 1);
  const perRep = isBreaths(e) ? dose.holdSeconds : (e.holds?.length ?? 1) * dose.holdSeconds + RELAX_SECONDS;
  return reps * perRep + (dose.sets - 1) * e.restSeconds;
}
