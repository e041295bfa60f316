import { quoted, toJson } from '../core/text.js';
import { resolveId } from '../core/ids.js';
import { printable } from '../core/time.js';
import { loadExercises, loadSources } from '../data/index.js';
import type { Exercise } from '../data/types.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { doseOf, isBreaths, renderExercise } from '../ui/exercise.js';
import { makeStyle, wrap } from '../ui/style.js';

/** Options of `spasm exercises` and `spasm exercises show`. */
export interface ExercisesOptions {
  /** Print the library's exercises (or the one exercise) as JSON. */
  json?: boolean;
}

/** "hold 5 s, 3–5 reps a side" or "10–60 breaths of 10 s": the range from the start dose to the maximum. */
function shortDose(e: Exercise): string {
  const reps = e.reps.start === e.reps.max ? `${e.reps.max}` : `${e.reps.start}–${e.reps.max}`;
  if (isBreaths(e)) return `${reps} breaths of ${e.holdSeconds} s`;
  return `hold ${e.holdSeconds} s, ${reps} reps${e.perSide ? ' a side' : ''}`;
}

/** `spasm exercises`: id, name and dose in aligned columns. */
export async function exercisesList(opts: ExercisesOptions, deps: Deps): Promise<void> {
  const library = loadExercises();
  if (opts.json) {
    deps.io.out(toJson(library.exercises));
    return;
  }
  const c = makeStyle(deps.io.color);
  const width = Math.min(deps.io.columns, 80);
  const rows = library.exercises.map((e) => [e.id, printable(e.name), shortDose(e)] as const);
  const idWidth = Math.max(...rows.map((r) => r[0].length));
  const nameWidth = Math.max(...rows.map((r) => r[1].length));
  const fits = idWidth + nameWidth + Math.max(...rows.map((r) => r[2].length)) + 4 <= width;
  const lines = rows.map(([id, name, dose]) =>
    fits ? `${c.bold(id.padEnd(idWidth))}  ${name.padEnd(nameWidth)}  ${c.dim(dose)}` : `${c.bold(id)}  ${name}\n    ${c.dim(dose)}`,
  );
  deps.io.out(`${lines.join('\n')}\n\n${c.dim('One in full: spasm exercises show <id>')}\n`);
}

/** Library ids close to a mistyped one: a few typos away, or sharing a word ("hamstrings", "figure"). */
function closeIds(input: string, ids: readonly string[]): string[] {
  const text = input.trim().toLowerCase();
  const words = (s: string) => s.split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
  const near = (a: string, b: string) => a.startsWith(b) || b.startsWith(a) || editDistance(a, b) <= 2;
  return ids.filter((id) => editDistance(text, id) <= 3 || words(text).some((w) => words(id).some((v) => near(w, v))));
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
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

/** `spasm exercises show <id>`: one exercise in full, with the sources behind it. */
export async function exercisesShow(opts: ExercisesOptions, deps: Deps, input: string): Promise<void> {
  const library = loadExercises();
  const ids = library.exercises.map((e) => e.id);
  const found = resolveId(input, ids);
  if ('error' in found) {
    const near = found.matches.length ? found.matches : closeIds(input, ids);
    const what = `no exercise ${quoted(input)}${found.error === 'ambiguous' ? ' (more than one starts so)' : ''}`;
    throw new UsageError(what, near.length ? `did you mean: ${near.join(', ')}?` : 'see the list: spasm exercises');
  }
  const e = library.byId.get(found.id)!;
  if (opts.json) {
    deps.io.out(toJson(e));
    return;
  }
  const c = makeStyle(deps.io.color);
  const w = Math.min(deps.io.columns, 80) - 2;
  const sources = loadSources();
  const unit = isBreaths(e) ? ['breath', 'breaths'] : ['rep', 'reps'];
  const reps = (n: number) => `${n} ${n === 1 ? unit[0] : unit[1]}${e.perSide ? ' on each side' : ''}`;
  const build = e.reps.start < e.reps.max ? `Start with ${reps(e.reps.start)}, and build up slowly to ${e.reps.max}.` : `Do ${reps(e.reps.max)}.`;
  const lines = [
    renderExercise(e, doseOf(e), deps.io.color, deps.io.columns).trimEnd(),
    '',
    wrap(`${build} Up to ${e.timesPerDay === 1 ? 'once' : `${e.timesPerDay} times`} a day.`, w),
    '',
    c.bold('Sources'),
    ...e.sources.map((key) => `  ${key.padEnd(5)} ${wrap(breakAddresses(printable(sources.get(key) ?? key), w - 8), w - 8, 8)}`),
  ];
  deps.io.out(`${lines.join('\n')}\n`);
}
