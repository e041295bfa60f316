// The decision of `--stay` between two sessions (SPEC.md `timer`): wait for
// the next window and offer its session, or stop because an emergency answer
// stands. Pure: the flow (src/flows/stay.ts) reads the store and the clock.
import type { Thresholds } from '../data/types.js';
import { lastTherapy, nextTherapy } from './status.js';
import { msOf, type Episode, type TherapyKind, type TherapySession } from './records.js';
import { ms } from './time.js';

export type StayPlan =
  /** An emergency answer stands on the ongoing episode: no more sessions, the advice instead. */
  | { action: 'stop-emergency' }
  /** Wait until `earliest`, then offer a session of `kind` (due until `latest`). */
  | { action: 'wait'; kind: TherapyKind; earliest: Date; latest: Date };

/**
 * What comes after a session. With an ongoing episode its records decide: the
 * window is 1 to 2 hours after its last session ended, of the kind of the
 * phase then (cold before 72 h after onset, heat after), of the person's
 * choice, or heat after heat. Without one (nothing is recorded) the window follows `last`, of the
 * same kind. Nothing at all to go on: due now.
 */
export function planStay(episode: Episode | null, last: TherapySession | null, now: Date, thresholds: Thresholds): StayPlan {
  if (episode?.redFlags?.tier === 'emergency') return { action: 'stop-emergency' };
  // The episode's own record decides; with none there yet, the next is due now, of the phase's kind.
  if (episode && (lastTherapy(episode) || !last)) {
    const next = nextTherapy(episode, now, thresholds);
    // Heat chosen before 72 h (it has the better evidence, SPEC.md section 1) is not turned back into cold.
    const keepsHeat = !episode.walkthrough?.choice && lastTherapy(episode)?.kind === 'heat';
    return { action: 'wait', ...next, kind: keepsHeat ? 'heat' : next.kind };
  }
  if (!last) return { action: 'wait', kind: 'cold', earliest: now, latest: now };
  const end = msOf(last.end);
  return { action: 'wait', kind: last.kind, earliest: new Date(end + thresholds.therapyIntervalMinHours * ms.hour), latest: new Date(end + thresholds.therapyIntervalMaxHours * ms.hour) };
}
