// The latest episode's course for the report (SPEC.md section 4 `course`,
// clinical.md sections 4 and 5), and the routine's per-exercise figures. Pure.
import { compareText } from './text.js';
import { msOf, type Episode, type RoutineSession, type StepStatus } from './records.js';
import { formatDate, round1 } from './time.js';

export interface NameCount {
  name: string;
  count: number;
}

/** PSFS important change (clinical.md section 4, MDC90): 3 points for one item, 2 for the mean. */
export const PSFS_ITEM_IMPORTANT = 3;
export const PSFS_MEAN_IMPORTANT = 2;

export interface Course {
  episodeId: string;
  pain: { first: number | null; best: number | null; worst: number | null; latest: number | null };
  function: { activity: string; first: number; latest: number; change: number; important: boolean }[];
  psfsMean: null | { first: number; latest: number; change: number; important: boolean };
  medicines: NameCount[];
  nightsSleptBadly: number;
  daysMissedWork: number;
}

/** Counts names (each at most once per list: an episode, a check-in), ranked by count, then name. */
export function rankNames(lists: readonly (readonly string[])[]): NameCount[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const name of new Set(list)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || compareText(a.name, b.name));
}

/** The course of one episode: its pain ratings, PSFS items first → latest, medicines, sleep and work. */
export function courseOf(e: Episode): Course {
  const pain = [...e.pain].sort((a, b) => msOf(a.at) - msOf(b.at));
  const scores = pain.map((p) => p.score);
  const checkins = [...e.checkins].sort((a, b) => msOf(a.at) - msOf(b.at));
  const items: Course['function'] = [];
  for (const activity of e.activities) {
    const rated = checkins.flatMap((c) => c.function.filter((f) => f.activity === activity).map((f) => f.score));
    if (rated.length === 0) continue;
    const first = rated[0]!;
    const latest = rated.at(-1)!;
    items.push({ activity, first, latest, change: latest - first, important: Math.abs(latest - first) >= PSFS_ITEM_IMPORTANT });
  }
  const mean = (values: number[]) => round1(values.reduce((a, b) => a + b, 0) / values.length);
  let psfsMean: Course['psfsMean'] = null;
  if (items.length) {
    const first = mean(items.map((i) => i.first));
    const latest = mean(items.map((i) => i.latest));
    const change = round1(latest - first);
    psfsMean = { first, latest, change, important: Math.abs(change) >= PSFS_MEAN_IMPORTANT };
  }
  // A night or a day counts once, however many check-ins said so on that date.
  const days = (pick: (c: (typeof checkins)[number]) => boolean | null) => new Set(checkins.filter((c) => pick(c) === true).map((c) => formatDate(new Date(msOf(c.at))))).size;
  return {
    episodeId: e.id,
    pain: { first: scores[0] ?? null, best: scores.length ? Math.min(...scores) : null, worst: scores.length ? Math.max(...scores) : null, latest: scores.at(-1) ?? null },
    function: items,
    psfsMean,
    medicines: rankNames(checkins.map((c) => c.medicines)),
    nightsSleptBadly: days((c) => c.sleptBadly),
    daysMissedWork: days((c) => c.missedWork),
  };
}

export interface ExerciseCount {
  id: string;
  done: number;
  skipped: number;
  stopped: number;
}

/** Per exercise: how often it was done, skipped, stopped; and the mean pain before and after a session. */
export function exerciseFigures(sessions: readonly RoutineSession[]): { exercises: ExerciseCount[]; meanPainBefore: number | null; meanPainAfter: number | null } {
  const counts = new Map<string, Record<StepStatus, number>>();
  for (const s of sessions) {
    for (const x of s.exercises) {
      const c = counts.get(x.id) ?? { done: 0, skipped: 0, stopped: 0 };
      c[x.status]++;
      counts.set(x.id, c);
    }
  }
  const total = (c: ExerciseCount) => c.done + c.skipped + c.stopped;
  const exercises = [...counts].map(([id, c]) => ({ id, ...c })).sort((a, b) => total(b) - total(a) || compareText(a.id, b.id));
  const mean = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? round1(known.reduce((a, b) => a + b, 0) / known.length) : null;
  };
  return { exercises, meanPainBefore: mean(sessions.map((s) => s.painBefore)), meanPainAfter: mean(sessions.map((s) => s.painAfter)) };
}
