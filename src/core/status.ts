import type { AdviceCode, Protocol, Thresholds } from '../data/types.js';
import { latestPain, ongoingEpisode, recurrenceIds } from './episodes.js';
import { msOf, type Episode, type TherapyChoice, type TherapyKind, type TherapySession } from './records.js';
import { formatIso, ms, round1 } from './time.js';

export interface Advice {
  code: AdviceCode;
  text: string;
}

/** `spasm status --json` (SPEC.md section 4). */
export interface StatusJson {
  episode: null | { id: string; onset: string; hoursSinceOnset: number; latestPain: number | null };
  phase: null | TherapyKind;
  lastTherapy: null | TherapySession;
  nextTherapy: null | { kind: TherapyKind; earliest: string; latest: string };
  advice: Advice[];
}

/** Cold until `coldUntilHours` after onset, heat from then on (SPEC.md section 1). */
export function phaseAt(onset: Date | string, at: Date, thresholds: Pick<Thresholds, 'coldUntilHours'>): TherapyKind {
  const onsetMs = typeof onset === 'string' ? msOf(onset) : onset.getTime();
  return at.getTime() - onsetMs < thresholds.coldUntilHours * ms.hour ? 'cold' : 'heat';
}

/** The session that ended last, or null. */
export function lastTherapy(episode: Episode): TherapySession | null {
  let last: TherapySession | null = null;
  for (const s of episode.therapy) if (!last || msOf(s.end) >= msOf(last.end)) last = s;
  return last;
}

/**
 * The cold/heat kind of a session. Without a choice the phase decides (cold
 * before `coldUntilHours`, heat after). `alternate` means cold one session,
 * heat the next (data/protocol.json therapyChoice): the opposite of the last
 * session, or the phase's kind for the first.
 */
export function therapyKindFor(choice: TherapyChoice | undefined, episode: Pick<Episode, 'onset' | 'therapy'>, now: Date, thresholds: Pick<Thresholds, 'coldUntilHours'>): TherapyKind {
  if (choice === 'cold' || choice === 'heat') return choice;
  const phase = phaseAt(episode.onset, now, thresholds);
  if (choice !== 'alternate') return phase;
  const last = lastTherapy(episode as Episode);
  if (!last) return phase;
  return last.kind === 'cold' ? 'heat' : 'cold';
}

/**
 * The next cold/heat window, computed for `now` (SPEC.md `status`): 1 to 2
 * hours after the last session ended; once its earliest time has passed it
 * is due now (a window that passed days ago is not offered), never earlier
 * than the last end plus the minimum interval. Its kind is what the person
 * chose (cold, heat, alternating), else the phase at the time it is due, so
 * a cold session at 40 h is followed by heat at 72 h and after.
 */
export function nextTherapy(episode: Episode, now: Date, thresholds: Thresholds): { kind: TherapyKind; earliest: Date; latest: Date } {
  const last = lastTherapy(episode);
  const minAt = last ? msOf(last.end) + thresholds.therapyIntervalMinHours * ms.hour : now.getTime();
  const maxAt = last ? msOf(last.end) + thresholds.therapyIntervalMaxHours * ms.hour : now.getTime();
  const earliest = new Date(Math.max(minAt, now.getTime()));
  // A window already over opens again from now, as long as the protocol's window is.
  const latest = new Date(maxAt >= now.getTime() ? maxAt : earliest.getTime() + (maxAt - minAt));
  return { kind: therapyKindFor(episode.walkthrough?.choice, episode, earliest, thresholds), earliest, latest };
}

function fill(text: string, days: number): string {
  return text.replaceAll('{days}', String(Math.floor(days)));
}

/**
 * The advice of SPEC.md section 1 for the ongoing episode (red flags,
 * persisting pain) and the history (recurrences in the lookback window).
 */
export function adviceFor(episodes: readonly Episode[], ongoing: Episode | null, now: Date, protocol: Pick<Protocol, 'thresholds' | 'advice'>): Advice[] {
  const { thresholds: th, advice: texts } = protocol;
  const advice: Advice[] = [];
  const tier = ongoing?.redFlags?.tier;
  if (tier === 'emergency') advice.push({ code: 'seek-emergency-care', text: texts['seek-emergency-care'].text });
  if (tier === 'same-day') advice.push({ code: 'seek-same-day-care', text: texts['seek-same-day-care'].text });
  // Pain still present: only the ongoing episode. Ongoing now follows the latest
  // activity, so a back still sore at 14 days is still ongoing; a lapsed one
  // is not known to be sore (status asks to close it instead).
  const sore = ongoing;
  if (sore) {
    const days = (now.getTime() - msOf(sore.onset)) / ms.day;
    const pain = latestPain(sore);
    if (pain !== 0 && days >= th.persistingSuggestDays) {
      const persisting = texts['see-pt-persisting'];
      advice.push({ code: 'see-pt-persisting', text: fill(days >= th.persistingRecommendDays ? persisting.recommendText : persisting.suggestText, days) });
    }
  }
  const recurrences = recurrenceIds(episodes, th);
  const since = now.getTime() - th.recurrenceLookbackDays * ms.day;
  if (episodes.some((e) => recurrences.has(e.id) && msOf(e.onset) >= since && msOf(e.onset) <= now.getTime())) {
    advice.push({ code: 'see-pt-recurring', text: texts['see-pt-recurring'].text });
  }
  return advice;
}

/** Everything `spasm status` shows, computed from the records and the clock. */
export function computeStatus(episodes: readonly Episode[], now: Date, protocol: Pick<Protocol, 'thresholds' | 'advice'>): StatusJson {
  const th = protocol.thresholds;
  const ongoing = ongoingEpisode(episodes, now, th);
  const advice = adviceFor(episodes, ongoing, now, protocol);
  if (!ongoing) return { episode: null, phase: null, lastTherapy: null, nextTherapy: null, advice };
  const next = nextTherapy(ongoing, now, th);
  return {
    episode: {
      id: ongoing.id,
      onset: ongoing.onset,
      hoursSinceOnset: round1((now.getTime() - msOf(ongoing.onset)) / ms.hour),
      latestPain: latestPain(ongoing),
    },
    phase: phaseAt(ongoing.onset, now, th),
    lastTherapy: lastTherapy(ongoing),
    // An emergency answer stands: the person should be on the way to care, not icing (SPEC.md section 1).
    nextTherapy: ongoing.redFlags?.tier === 'emergency' ? null : { kind: next.kind, earliest: formatIso(next.earliest), latest: formatIso(next.latest) },
    advice,
  };
}
