// One timed session of `spasm timer` (and of each round of --stay): the
// countdown, then the cold or heat session recorded on the ongoing episode.
import type { Pace } from '../core/breathing.js';
import { ongoingEpisode } from '../core/episodes.js';
import type { Protocol, TimerKind } from '../data/types.js';
import type { Deps } from '../deps.js';
import { runTimed, type TimedResult } from './timed.js';
import { formatSpan } from '../core/time.js';
import { loadProtocol } from '../data/index.js';
import { InterruptedError } from '../errors.js';

export interface SessionResult extends TimedResult {
  /** The episode the session was recorded on, if any. */
  episodeId?: string;
}

export async function runSession(deps: Deps, protocol: Protocol, kind: TimerKind, minutes: number, pace: Pace): Promise<SessionResult> {
  const step = protocol.steps.find((s) => s.timer === kind)!;
  // Every caution of its kind (clinical.md section 7), not only the first.
  const result = await runTimed(deps, { timer: kind, minutes, title: step.title, reminder: step.cautions.join('\n'), pace });
  const session = result.therapy;
  if (!session) return result;
  // Re-read under the lock: the episode that is ongoing now is the one to record on.
  const episodeId = await deps.store.update((doc) => {
    const episode = ongoingEpisode(doc.episodes, result.end, protocol.thresholds);
    episode?.therapy.push(session);
    return episode?.id;
  });
  return { ...result, episodeId };
}

/** The line after a session; Ctrl-C is exit 130 after saving what was done. */
export function reportSession(deps: Deps, result: SessionResult, what: string, sayNext: boolean, unsaved = false): void {
  const doneMs = result.activeMs;
  const saved = result.episodeId && !unsaved ? ` Saved on episode ${result.episodeId}.` : '';
  const isTherapy = what === 'cold' || what === 'heat';
  const tooShort = isTherapy && !result.therapy ? ' Too short to record.' : '';
  if (result.ended === 'interrupted' && unsaved) throw new InterruptedError(`Stopped after ${formatSpan(doneMs)}. Nothing was saved: the store cannot be used.`);
  if (result.ended === 'interrupted') throw new InterruptedError(`Stopped after ${formatSpan(doneMs)}.${saved}${tooShort}`);
  if (result.ended === 'skipped') return void deps.io.err(`Skipped after ${formatSpan(doneMs)}.${saved}${tooShort}\n`);
  const th = loadProtocol().thresholds;
  const next = isTherapy && sayNext ? ` Next ${what} session: in ${th.therapyIntervalMinHours} to ${th.therapyIntervalMaxHours} hours.` : '';
  deps.io.err(`Done: ${formatSpan(doneMs)} of ${what}.${saved}${next}\n`);
}

