// One exercise, shown the same way in `spasm start` (the stretches step),
// `spasm routine` and `spasm exercises` (guided by src/flows/exercise.ts).
import { printable } from '../core/time.js';
import type { Exercise } from '../data/types.js';
import { makeStyle, wrap } from './style.js';

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

/** The dose in one line: "Hold 5 s · 5 reps on each side · 2 sets · rest 30 s between sets"; "10 breaths of 10 s". */
function doseLine(e: Exercise, dose: Dose): string {
  const parts = isBreaths(e)
    ? [`${dose.reps} ${dose.reps === 1 ? 'breath' : 'breaths'} of ${dose.holdSeconds} s`]
    : [`Hold ${dose.holdSeconds} s${e.holds ? ` in each of ${e.holds.length} positions` : ''}`, `${dose.reps} ${dose.reps === 1 ? 'rep' : 'reps'}${e.perSide ? ' on each side' : ''}`];
  if (dose.sets > 1) parts.push(`${dose.sets} sets`, `rest ${e.restSeconds} s between sets`);
  return parts.join(' · ');
}

/** The whole exercise as a screen: name, position, numbered steps, dose, cautions, stop rule. */
export function renderExercise(e: Exercise, dose: Dose, color: boolean, width = 80): string {
  const c = makeStyle(color);
  const w = Math.min(width, 80) - 2;
  const lines = [c.bold(printable(e.name)), `Start: ${wrap(printable(e.position), w - 7, 7)}`];
  e.instructions.forEach((step, i) => lines.push(`${String(i + 1).padStart(2)}. ${wrap(printable(step), w - 4, 4)}`));
  lines.push(c.bold(doseLine(e, dose)));
  for (const caution of e.cautions) lines.push(`${c.yellow('Note:')} ${wrap(printable(caution), w - 6, 6)}`);
  // The data's stop rules are whole sentences ("Stop if …"); a label would repeat them.
  lines.push(c.red.bold(`! ${wrap(printable(e.stopRule), w - 2, 2)}`));
  return `${lines.join('\n')}\n`;
}

/** About how long the exercise takes at `dose`, in seconds: holds, relaxing between repetitions, rests between sets. */
export function exerciseSeconds(e: Exercise, dose: Dose): number {
  const reps = dose.sets * dose.reps * (e.perSide ? 2 : 1);
  const perRep = isBreaths(e) ? dose.holdSeconds : (e.holds?.length ?? 1) * dose.holdSeconds + RELAX_SECONDS;
  return reps * perRep + (dose.sets - 1) * e.restSeconds;
}

