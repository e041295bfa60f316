import { compareText } from './text.js';
import type { Thresholds } from '../data/types.js';
import { newId } from './ids.js';
import { ExitCode, SpasmError } from '../errors.js';
import type { StoreDocument, StoreHead } from './document.js';
import { newEpisode, peakOf, msOf, type Episode } from './records.js';
import { ms } from './time.js';

/** Episodes sorted by onset, oldest first (ties by id, so the order is stable). */
export function byOnset(episodes: readonly Episode[]): Episode[] {
  return [...episodes].sort((a, b) => msOf(a.onset) - msOf(b.onset) || compareText(a.id, b.id));
}

/**
 * When anything last happened on an episode (SPEC.md `start`): its onset, a
 * pain rating, a check-in, a step or a cold/heat session; in ms.
 */
export function latestActivity(e: Episode): number {
  let latest = msOf(e.onset);
  const see = (iso: string) => {
    const at = msOf(iso);
    if (at > latest) latest = at;
  };
  for (const p of e.pain) see(p.at);
  for (const c of e.checkins) see(c.at);
  for (const s of e.steps) see(s.at);
  for (const s of e.therapy) see(s.end);
  return latest;
}

/**
 * The ongoing episode at `now` (SPEC.md `start`): begun by now, not ended,
 * and its latest activity within the last `ongoingMaxDays` days, so an
 * onset given as "20d ago" with a pain rating now is ongoing. The latest
 * onset wins if several.
 */
export function ongoingEpisode(episodes: readonly Episode[], now: Date, thresholds: Pick<Thresholds, 'ongoingMaxDays'>): Episode | null {
  const from = now.getTime() - thresholds.ongoingMaxDays * ms.day;
  let best: Episode | null = null;
  for (const e of episodes) {
    const onset = msOf(e.onset);
    if (e.endedAt !== null || onset > now.getTime() || latestActivity(e) < from) continue;
    if (!best || onset > msOf(best.onset)) best = e;
  }
  return best;
}

/**
 * The latest episode (by onset, begun by now) when it is not ended and no
 * longer ongoing: nothing recorded on it for `ongoingMaxDays`. `status`
 * says so and how to close it, rather than "no ongoing episode".
 */
export function lapsedEpisode(episodes: readonly Episode[], now: Date, thresholds: Pick<Thresholds, 'ongoingMaxDays'>): Episode | null {
  let latest: Episode | null = null;
  for (const e of episodes) if (msOf(e.onset) <= now.getTime() && (!latest || msOf(e.onset) > msOf(latest.onset))) latest = e;
  if (!latest || latest.endedAt !== null) return null;
  return latestActivity(latest) < now.getTime() - thresholds.ongoingMaxDays * ms.day ? latest : null;
}

/**
 * The latest episode not ended with its onset in the last `withinDays` days.
 * Unlike the ongoing episode (14 days, what `start` continues), pain that is
 * still present after two weeks is exactly what the advice is about.
 */
export function latestUnended(episodes: readonly Episode[], now: Date, withinDays: number): Episode | null {
  const from = now.getTime() - withinDays * ms.day;
  let best: Episode | null = null;
  for (const e of episodes) {
    const onset = msOf(e.onset);
    if (e.endedAt !== null || onset < from || onset > now.getTime()) continue;
    if (!best || onset > msOf(best.onset)) best = e;
  }
  return best;
}

/**
 * The ids of the episodes that count as recurrences (SPEC.md section 4):
 * sorted by onset, an episode whose onset is at least `recurrenceGapDays`
 * after the previous episode ended (or, if that never ended, after its
 * onset). The first episode never counts.
 */
export function recurrenceIds(episodes: readonly Episode[], thresholds: Pick<Thresholds, 'recurrenceGapDays'>): Set<string> {
  const sorted = byOnset(episodes);
  const ids = new Set<string>();
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const previousEnd = msOf(previous.endedAt ?? previous.onset);
    if (msOf(sorted[i]!.onset) - previousEnd >= thresholds.recurrenceGapDays * ms.day) ids.add(sorted[i]!.id);
  }
  return ids;
}

/** The latest pain check-in of an episode, or null. */
export function latestPain(episode: Episode): number | null {
  let latest: { at: number; score: number } | null = null;
  for (const p of episode.pain) if (!latest || msOf(p.at) >= latest.at) latest = { at: msOf(p.at), score: p.score };
  return latest?.score ?? null;
}

/**
 * Every id of a kind the store has handed out: live and retired (deleted).
 * Episode ids start with 'e' and session ids with 'r', so one kind never
 * needs the other's (and a new episode never loads the sessions).
 */
export function takenIds(doc: StoreDocument, prefix: 'e' | 'r'): Set<string> {
  const live = prefix === 'e' ? doc.episodes : doc.sessions();
  return new Set([...live.map((x) => x.id), ...doc.retiredIds]);
}

/** Adds a new, empty episode to `doc` with a fresh id and returns it. */
export function addEpisode(doc: StoreDocument, onset: string, source: Episode['source'], random: () => number): Episode {
  const episode = newEpisode(newId('e', takenIds(doc, 'e'), random), onset, source);
  doc.episodes.push(episode);
  return episode;
}

/** Records a pain check-in and keeps peakPain the highest score. */
export function recordPain(episode: Episode, at: string, score: number): void {
  episode.pain.push({ at, score });
  episode.peakPain = peakOf(episode.pain);
}

/**
 * The episode `id` of a document re-read under the lock. Another command may
 * have deleted it meanwhile: then the write stops, saying what was kept.
 */
export function episodeStillThere(doc: StoreHead, id: string, kept: string): Episode {
  const episode = doc.episodes.find((e) => e.id === id);
  if (!episode) throw new SpasmError(`episode ${id} was deleted meanwhile by another command; ${kept}`, ExitCode.Failure);
  return episode;
}
