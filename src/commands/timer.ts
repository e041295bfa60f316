import { PACE_NAMES, pacesOf } from '../core/breathing.js';
import { ongoingEpisode } from '../core/episodes.js';
import { formatSpan } from '../core/time.js';
import { parseChoice, parseMinutes } from '../core/values.js';
import { loadProtocol } from '../data/index.js';
import type { Deps } from '../deps.js';
import { InterruptedError, UsageError } from '../errors.js';
import { bell } from '../flows/countdown.js';
import { runTimed } from '../flows/timed.js';

/** Options of `spasm timer <kind>`. */
export interface TimerOptions {
  /** Whole minutes; cold and heat default 20 (and at most 20, the safe limit), breathe 3. */
  minutes?: string;
  /** breathe only: slow (the default), box or shorter, as the protocol's data offers them. */
  pace?: string;
}

const KINDS = ['cold', 'heat', 'breathe'] as const;
/** Less time always a choice; more than 20 minutes of cold or heat risks the skin (clinical.md). */
const MAX_MINUTES = { cold: 20, heat: 20, breathe: 30 };

export async function timer(opts: TimerOptions, deps: Deps, kindArg: string): Promise<void> {
  const kind = parseChoice(kindArg, KINDS, '<kind>');
  const protocol = loadProtocol();
  const step = protocol.steps.find((s) => s.timer === kind)!;
  const defaultMinutes = kind === 'breathe' ? protocol.breathing.minutes : protocol.thresholds.therapyMinutes;
  const minutes = opts.minutes === undefined ? defaultMinutes : parseMinutes(opts.minutes, '--minutes', 1, MAX_MINUTES[kind]);
  const paces = pacesOf(protocol.breathing);
  if (opts.pace !== undefined && kind !== 'breathe') throw new UsageError(`--pace is for spasm timer breathe, not ${kind}`);
  const paceId = opts.pace === undefined ? 'slow' : parseChoice(opts.pace, paces.map((p) => p.id), '--pace');
  const pace = paces.find((p) => p.id === paceId)!;
  const { io } = deps;
  const reminder = step.cautions[0] ?? '';
  const result = await runTimed(deps, { timer: kind, minutes, title: step.title, reminder, pace });

  const doneMs = result.end.getTime() - result.start.getTime();
  let saved = '';
  const session = result.therapy;
  if (session) {
    // Re-read under the lock: the episode that is ongoing now is the one to record on.
    const id = await deps.store.update((doc) => {
      const episode = ongoingEpisode(doc.episodes, result.end, protocol.thresholds);
      episode?.therapy.push(session);
      return episode?.id;
    });
    saved = id ? ` Saved on episode ${id}.` : '';
  }
  if (!result.completed) {
    const tooShort = kind !== 'breathe' && !session ? ' Too short to record.' : '';
    throw new InterruptedError(`Stopped after ${formatSpan(doneMs)}.${saved}${tooShort}`);
  }
  bell(io.progressStream, io.stderrIsTTY);
  const { therapyIntervalMinHours: min, therapyIntervalMaxHours: max } = protocol.thresholds;
  const next = kind === 'breathe' ? '' : ` Next ${kind} session: in ${min} to ${max} hours.`;
  const what = kind === 'breathe' ? PACE_NAMES[pace.id].toLowerCase() : kind;
  io.err(`Done: ${formatSpan(doneMs)} of ${what}.${saved}${next}\n`);
}
