// One exercise, shown the same way in `spasm start` (the stretches step),
// `spasm routine` and `spasm exercises` (guided by src/flows/exercise.ts).
import { printable } from '../core/time.js';
import type { Exercise } from '../data/types.js';
import { isBreaths, type Dose } from '../core/dose.js';
import { makeStyle, wrap } from './style.js';

export { doseOf, isBreaths, RELAX_SECONDS, exerciseSeconds, type Dose } from '../core/dose.js';

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


