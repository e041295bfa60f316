/**
 * The numbers of `spasm report` (SPEC.md sections 2 and 4), pure.
 *
 * What "in the period" means, everywhere in the report:
 * - an episode is in the period when its ONSET lies in [since, until]
 *   (both ends included). An episode that began before `since` and was still
 *   going on at `since` is not counted; it is listed in `carriedOver` so the
 *   readable formats can mention it (the JSON shape of SPEC.md has no field
 *   for it). Every episode figure (counts, pain, durations, triggers, legs,
 *   red-flag screens, the episode table) is over the episodes in the period.
 * - whether an episode is a recurrence is decided on the whole history up to
 *   `until` (the 30-day rule looks at the previous episode, which may lie
 *   before the period); `recurrences` counts those in the period.
 * - `medianDaysBetween` is over the onset-to-onset gaps between episodes in
 *   the period (n episodes, n - 1 gaps).
 * - the ongoing episode and the advice describe the situation at `until`,
 *   over the whole history (as `spasm status` does at now): with the default
 *   period they are exactly what status shows.
 * - routine sessions count when their time lies in [since, until]; the
 *   4 weekly counts are the 7-day blocks ending with the day of `until`, and
 *   the streak counts back from the day of `until`, both regardless of `since`.
 */
import { compareText } from './text.js';
import type { Protocol } from '../data/types.js';
import { byOnset, ongoingEpisode, recurrenceIds } from './episodes.js';
import { episodeJson, LEGS, msOf, type Episode, type Legs, type RoutineSession, type Tier } from './records.js';
import { courseOf, exerciseFigures, rankNames, type Course, type ExerciseCount, type NameCount } from './course.js';

export { rankNames, type NameCount };
import { adviceFor, type Advice } from './status.js';
import { addDays, formatIso, ms, round1, startOfDay } from './time.js';

/** `spasm report --format json` (SPEC.md section 4). */
export interface ReportJson {
  generatedAt: string;
  patient: { name: string | null };
  period: { since: string; until: string };
  summary: {
    episodes: number;
    recurrences: number;
    firstOnset: string | null;
    lastOnset: string | null;
    medianDaysBetween: number | null;
    meanPeakPain: number | null;
    maxPeakPain: number | null;
    medianDurationDays: number | null;
    ongoing: null | { id: string; daysSinceOnset: number };
  };
  triggers: NameCount[];
  helped: NameCount[];
  legs: Record<Legs, number>;
  redFlags: { episodeId: string; at: string; tier: Tier; positive: string[] }[];
  routine: {
    sessions: number;
    activeDays: number;
    streakDays: number;
    weeks: { start: string; sessions: number }[];
    exercises: ExerciseCount[];
    meanPainBefore: number | null;
    meanPainAfter: number | null;
  };
  course: Course | null;
  advice: Advice[];
  episodes: Episode[];
}

/** A point of the pain chart. */
export interface PainPoint {
  at: number;
  score: number;
  episodeId: string;
}

/** The JSON report plus what the readable formats show beyond it. */
export interface Report {
  json: ReportJson;
  /** Ids of the episodes in the period that count as recurrences. */
  recurrences: ReadonlySet<string>;
  /** Episodes that began before `since` and were still going on at `since`, oldest first. */
  carriedOver: Episode[];
  /** Pain over time within the period, oldest first (check-ins; an episode's worst pain at onset when it has none). */
  pain: PainPoint[];
  since: Date;
  until: Date;
  /** The 30-day rule's gap, for the readable formats to explain "recurrence". */
  recurrenceGapDays: number;
}

/** The median of numbers, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}


/** Length of an ended episode in days (never negative), or null while it goes on. */
export function durationDays(episode: Episode): number | null {
  return episode.endedAt === null ? null : Math.max(0, msOf(episode.endedAt) - msOf(episode.onset)) / ms.day;
}

/**
 * The history as it stood at `until`: later episodes dropped, an episode
 * ended after `until` seen as not ended yet, so the ongoing episode and the
 * advice of a past period are those of its last moment.
 */
function historyAt(episodes: readonly Episode[], until: Date): Episode[] {
  const end = until.getTime();
  return episodes.filter((e) => msOf(e.onset) <= end).map((e) => (e.endedAt !== null && msOf(e.endedAt) > end ? { ...e, endedAt: null } : e));
}

/** The local calendar day of a time, as a day number (a day in the zone the process runs in, summer time or not). */
const localDay = (at: number) => Math.floor((at - new Date(at).getTimezoneOffset() * 60_000) / ms.day);

/** Routine adherence (see the module comment for the rules). */
export function routineFigures(sessions: readonly Pick<RoutineSession, 'at'>[], since: Date, until: Date): Pick<ReportJson['routine'], 'sessions' | 'activeDays' | 'streakDays' | 'weeks'> {
  // Each time is parsed once, and days are numbers: a 10-year store holds thousands of sessions.
  const times = sessions.map((s) => msOf(s.at)).filter((at) => at <= until.getTime());
  const inPeriod = times.filter((at) => at >= since.getTime());
  const lastDay = startOfDay(until);
  // Count back from the newest session's day, day by day, while each day has a session.
  // Today still counts as part of a streak that ended yesterday: the day is not over.
  const days = new Set(times.map(localDay));
  const today = localDay(until.getTime());
  let streakDays = 0;
  for (let day = days.has(today) ? today : today - 1; days.has(day); day--) streakDays++;
  const weeks = [3, 2, 1, 0].map((back) => {
    const start = addDays(lastDay, -7 * back - 6);
    const from = start.getTime();
    const next = addDays(start, 7).getTime();
    return { start: formatIso(start), sessions: times.filter((at) => at >= from && at < next).length };
  });
  return { sessions: inPeriod.length, activeDays: new Set(inPeriod.map(localDay)).size, streakDays, weeks };
}

/** Pain over time: every check-in in the period; an episode without any gives its worst pain at onset. */
export function painPoints(episodes: readonly Episode[], since: Date, until: Date): PainPoint[] {
  const points: PainPoint[] = [];
  for (const e of episodes) {
    const checks = e.pain.filter((p) => msOf(p.at) >= since.getTime() && msOf(p.at) <= until.getTime());
    if (checks.length) for (const p of checks) points.push({ at: msOf(p.at), score: p.score, episodeId: e.id });
    else if (e.pain.length === 0 && e.peakPain !== null) points.push({ at: msOf(e.onset), score: e.peakPain, episodeId: e.id });
  }
  return points.sort((a, b) => a.at - b.at || compareText(a.episodeId, b.episodeId) || a.score - b.score);
}

export interface ReportInput {
  episodes: readonly Episode[];
  /** Every session's time (adherence, streak and weeks look past `since`). */
  routineSessions: readonly Pick<RoutineSession, 'at'>[];
  /** The sessions in the period, in full; when absent, `routineSessions` are full records and are filtered. */
  periodSessions?: readonly RoutineSession[];
  /** The person's name (`spasm config set name`), for the therapist. */
  name?: string;
}

/** Urgency first (SPEC.md section 4): emergency, same-day, then the others in their order. */
const URGENCY: Partial<Record<Advice['code'], number>> = { 'seek-emergency-care': 0, 'seek-same-day-care': 1 };
export function byUrgency(advice: readonly Advice[]): Advice[] {
  return advice.map((a, i) => ({ a, i })).sort((x, y) => (URGENCY[x.a.code] ?? 2) - (URGENCY[y.a.code] ?? 2) || x.i - y.i).map((x) => x.a);
}

/** The episode as it stood at `until`: ratings and check-ins after it left out. */
function recordedBy(e: Episode, until: number): Episode {
  return { ...e, pain: e.pain.filter((p) => msOf(p.at) <= until), checkins: e.checkins.filter((c) => msOf(c.at) <= until) };
}

/** Everything `spasm report` holds, for the period [since, until], generated at `now`. */
export function computeReport(doc: ReportInput, since: Date, until: Date, now: Date, protocol: Pick<Protocol, 'thresholds' | 'advice'>): Report {
  const th = protocol.thresholds;
  const from = since.getTime();
  const history = historyAt(doc.episodes, until);
  const inPeriod = byOnset(history.filter((e) => msOf(e.onset) >= from));
  const all = recurrenceIds(history, th);
  const recurrences = new Set(inPeriod.filter((e) => all.has(e.id)).map((e) => e.id));

  const onsets = inPeriod.map((e) => msOf(e.onset));
  const gaps = onsets.slice(1).map((onset, i) => (onset - onsets[i]!) / ms.day);
  const peaks = inPeriod.map((e) => e.peakPain).filter((p): p is number => p !== null);
  const durations = inPeriod.map(durationDays).filter((d): d is number => d !== null);
  const round = (n: number | null) => (n === null ? null : round1(n));

  const ongoing = ongoingEpisode(history, until, th);
  const legs = Object.fromEntries(LEGS.map((l) => [l, inPeriod.filter((e) => e.legs === l).length])) as Record<Legs, number>;
  // Every positive screen (the history keeps those a later "none" replaced), oldest first.
  const redFlags = inPeriod
    .flatMap((e) => (e.redFlagHistory ?? (e.redFlags ? [e.redFlags] : [])).filter((r) => r.positive.length > 0 && msOf(r.at) <= until.getTime()).map((r) => ({ episodeId: e.id, at: r.at, tier: r.tier, positive: [...r.positive] })))
    .sort((a, b) => msOf(a.at) - msOf(b.at) || compareText(a.episodeId, b.episodeId));
  const sessions = doc.periodSessions ?? (doc.routineSessions as readonly RoutineSession[]).filter((r) => msOf(r.at) >= from && msOf(r.at) <= until.getTime());
  const latest = inPeriod.at(-1);
  // The stored records go out (not the "as at until" copies), keys in the order of SPEC.md.
  const originals = new Map(doc.episodes.map((e) => [e.id, episodeJson(e)]));

  const json: ReportJson = {
    generatedAt: formatIso(now),
    patient: { name: doc.name ?? null },
    period: { since: formatIso(since), until: formatIso(until) },
    summary: {
      episodes: inPeriod.length,
      recurrences: recurrences.size,
      firstOnset: inPeriod[0]?.onset ?? null,
      lastOnset: inPeriod.at(-1)?.onset ?? null,
      medianDaysBetween: round(median(gaps)),
      meanPeakPain: peaks.length ? round1(peaks.reduce((a, b) => a + b, 0) / peaks.length) : null,
      maxPeakPain: peaks.length ? Math.max(...peaks) : null,
      medianDurationDays: round(median(durations)),
      ongoing: ongoing ? { id: ongoing.id, daysSinceOnset: round1((until.getTime() - msOf(ongoing.onset)) / ms.day) } : null,
    },
    triggers: rankNames(inPeriod.map((e) => e.triggers)),
    helped: rankNames(inPeriod.map((e) => e.helped)),
    legs,
    redFlags,
    routine: { ...routineFigures(doc.routineSessions, since, until), ...exerciseFigures(sessions) },
    course: latest ? courseOf(recordedBy(latest, until.getTime())) : null,
    advice: byUrgency(adviceFor(history, ongoing, until, protocol)),
    episodes: inPeriod.map((e) => originals.get(e.id)!),
  };
  const carriedOver = byOnset(history.filter((e) => msOf(e.onset) < from && (e.endedAt === null ? msOf(e.onset) >= from - th.ongoingMaxDays * ms.day : msOf(e.endedAt) >= from)));
  return { json, recurrences, carriedOver: carriedOver.map((e) => originals.get(e.id)!), pain: painPoints(inPeriod, since, until), since, until, recurrenceGapDays: th.recurrenceGapDays };
}

/**
 * Pain over time in `count` equal slices of [since, until]: the highest
 * score in each slice, or null where nothing was recorded.
 */
export function painBuckets(points: readonly PainPoint[], since: Date, until: Date, count: number): (number | null)[] {
  const buckets: (number | null)[] = Array.from({ length: count }, () => null);
  const start = since.getTime();
  const span = Math.max(1, until.getTime() - start);
  for (const p of points) {
    if (p.at < start || p.at > until.getTime()) continue;
    const i = Math.min(count - 1, Math.floor(((p.at - start) / span) * count));
    buckets[i] = Math.max(buckets[i] ?? 0, p.score);
  }
  return buckets;
}
