import { ongoingEpisode } from '../core/episodes.js';
import { formatIso, formatSpan, ms } from '../core/time.js';
import { parseChoice, parseMinutes } from '../core/values.js';
import { loadProtocol } from '../data/index.js';
import type { Deps } from '../deps.js';
import { InterruptedError } from '../errors.js';
import { bell, runCountdown } from '../ui/countdown.js';
import { breatheLine, therapyLine } from '../ui/render-timer.js';

/** Options of `spasm timer <kind>`. */
export interface TimerOptions {
  /** Whole minutes; cold and heat default 20 (and at most 20, the safe limit), breathe 3. */
  minutes?: string;
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
  const { io, clock } = deps;
  const tty = io.stderrIsTTY;
  const reminder = step.cautions[0] ?? '';
  const { inhaleSeconds, exhaleSeconds } = protocol.breathing;

  const result = await runCountdown({
    clock,
    durationMs: minutes * ms.minute,
    signal: deps.signal,
    tty,
    stream: io.progressStream,
    tickMs: kind === 'breathe' ? 1000 : undefined,
    plainStart:
      kind === 'breathe'
        ? `Breathing: ${minutes} min, in for ${inhaleSeconds} s, out for ${exhaleSeconds} s.`
        : `${step.title}: ${minutes} min. ${reminder}`,
    render: (frame, elapsed) =>
      kind === 'breathe' ? breatheLine(frame, elapsed, inhaleSeconds, exhaleSeconds, io.errColor) : therapyLine(kind, frame, reminder, io.errColor),
  });

  const doneMs = result.end.getTime() - result.start.getTime();
  let saved = '';
  if (kind !== 'breathe' && doneMs >= ms.minute) {
    // Re-read under the lock: the episode that is ongoing now is the one to record on.
    const id = await deps.store.update((doc) => {
      const episode = ongoingEpisode(doc.episodes, result.end, protocol.thresholds);
      episode?.therapy.push({ kind, start: formatIso(result.start), end: formatIso(result.end) });
      return episode?.id;
    });
    saved = id ? ` Saved on episode ${id}.` : '';
  }
  if (!result.completed) {
    const tooShort = kind !== 'breathe' && doneMs < ms.minute ? ' Too short to record.' : '';
    throw new InterruptedError(`Stopped after ${formatSpan(doneMs)}.${saved}${tooShort}`);
  }
  bell(io.progressStream, tty);
  const next = kind === 'breathe' ? '' : ` Next ${kind} session: in 1 to 2 hours.`;
  io.err(`Done: ${formatSpan(doneMs)} of ${kind === 'breathe' ? 'slow breathing' : kind}.${saved}${next}\n`);
}
