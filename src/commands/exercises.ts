import { quoted, toJson } from '../core/text.js';
import { resolveId } from '../core/ids.js';
import { loadExercises, loadSources } from '../data/index.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { renderExerciseInFull, renderExerciseList } from '../ui/render-exercises.js';

/** Options of `spasm exercises` and `spasm exercises show`. */
export interface ExercisesOptions {
  /** Print the library's exercises (or the one exercise) as JSON. */
  json?: boolean;
}

/** `spasm exercises`: id, name and dose in aligned columns. */
export async function exercisesList(opts: ExercisesOptions, deps: Deps): Promise<void> {
  const library = loadExercises();
  if (opts.json) {
    deps.io.out(toJson(library.exercises));
    return;
  }
  deps.io.out(renderExerciseList(library.exercises, deps.io.color, deps.io.columns));
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
  deps.io.out(renderExerciseInFull(e, loadSources(), deps.io.color, deps.io.columns));
}
