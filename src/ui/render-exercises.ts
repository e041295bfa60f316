// The screens of `spasm exercises`: the library as aligned columns, and one
// exercise in full with the sources behind it.
import { printable } from '../core/time.js';
import type { Exercise } from '../data/types.js';
import { doseOf, isBreaths, renderExercise } from './exercise.js';
import { makeStyle, wrap } from './style.js';

/** "hold 5 s, 3–5 reps a side" or "10–60 breaths of 10 s": the range from the start dose to the maximum. */
function shortDose(e: Exercise): string {
  const reps = e.reps.start === e.reps.max ? `${e.reps.max}` : `${e.reps.start}–${e.reps.max}`;
  if (isBreaths(e)) return `${reps} breaths of ${e.holdSeconds} s`;
  return `hold ${e.holdSeconds} s, ${reps} reps${e.perSide ? ' a side' : ''}`;
}

/** `spasm exercises`: id, name and dose in aligned columns. */
export function renderExerciseList(exercises: readonly Exercise[], color: boolean, columns: number): string {
  const c = makeStyle(color);
  const width = Math.min(columns, 80);
  const rows = exercises.map((e) => [e.id, printable(e.name), shortDose(e)] as const);
  const idWidth = Math.max(...rows.map((r) => r[0].length));
  const nameWidth = Math.max(...rows.map((r) => r[1].length));
  const fits = idWidth + nameWidth + Math.max(...rows.map((r) => r[2].length)) + 4 <= width;
  const lines = rows.map(([id, name, dose]) =>
    fits ? `${c.bold(id.padEnd(idWidth))}  ${name.padEnd(nameWidth)}  ${c.dim(dose)}` : `${c.bold(id)}  ${name}\n    ${c.dim(dose)}`,
  );
  return `${lines.join('\n')}\n\n${c.dim('One in full: spasm exercises show <id>')}\n`;
}

/** Splits words longer than `width` (web addresses) after a "/", so they wrap at a readable place. */
function breakAddresses(text: string, width: number): string {
  return text
    .split(' ')
    .map((word) => {
      const parts: string[] = [];
      while (word.length > width) {
        const cut = word.lastIndexOf('/', width - 1);
        const at = cut > 0 ? cut + 1 : width;
        parts.push(word.slice(0, at));
        word = word.slice(at);
      }
      return [...parts, word].join(' ');
    })
    .join(' ');
}

/** `spasm exercises show <id>`: the exercise, how to build it up, its sources. */
export function renderExerciseInFull(e: Exercise, sources: ReadonlyMap<string, string>, color: boolean, columns: number): string {
  const c = makeStyle(color);
  const w = Math.min(columns, 80) - 2;
  const unit = isBreaths(e) ? ['breath', 'breaths'] : ['rep', 'reps'];
  const reps = (n: number) => `${n} ${n === 1 ? unit[0] : unit[1]}${e.perSide ? ' on each side' : ''}`;
  const build = e.reps.start < e.reps.max ? `Start with ${reps(e.reps.start)}, and build up slowly to ${e.reps.max}.` : `Do ${reps(e.reps.max)}.`;
  const lines = [
    renderExercise(e, doseOf(e), color, columns).trimEnd(),
    '',
    wrap(`${build} Up to ${e.timesPerDay === 1 ? 'once' : `${e.timesPerDay} times`} a day.`, w),
    '',
    c.bold('Sources'),
    ...e.sources.map((key) => `  ${key.padEnd(5)} ${wrap(breakAddresses(printable(sources.get(key) ?? key), w - 8), w - 8, 8)}`),
  ];
  return `${lines.join('\n')}\n`;
}
