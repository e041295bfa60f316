// A timed step's countdown, the same in `spasm timer` and in `spasm start`:
// the live line (pacer, cold/heat with its reminder, or a plain countdown),
// the one line printed without a terminal, and the session to record.
import type { TherapySession } from '../core/records.js';
import { formatCountdown } from '../core/timer.js';
import { formatIso, ms } from '../core/time.js';
import { describePace, PACE_NAMES, type Pace } from '../core/breathing.js';
import type { TimerKind } from '../data/types.js';
import type { Deps } from '../deps.js';
import { runCountdown, type CountdownResult } from './countdown.js';
import { breatheLine, reminderBelow, therapyLine } from '../ui/render-timer.js';
import { makeStyle } from '../ui/style.js';

/** A cold or heat session shorter than this is not recorded (a slip of the finger, not a session). */
export const MIN_RECORDED_MS = ms.minute;

export interface TimedOptions {
  /** The pacer, cold or heat; null for a plain countdown (the rest position). */
  timer: TimerKind | null;
  minutes: number;
  title: string;
  /** Shown under a cold/heat countdown or the pacer, and in its plain line (the cover reminder; breathe gently). */
  reminder: string;
  /** The breathing pace (the pacer only). */
  pace: Pace;
}

export interface TimedResult extends CountdownResult {
  /** The cold/heat session to record: the part done too, if at least MIN_RECORDED_MS. */
  therapy?: TherapySession;
}

export async function runTimed(deps: Deps, options: TimedOptions): Promise<TimedResult> {
  const { io } = deps;
  const { timer, minutes, title, reminder } = options;
  const { pace } = options;
  const c = makeStyle(io.errColor);
  const result = await runCountdown({
    clock: deps.clock,
    durationMs: minutes * ms.minute,
    signal: deps.signal,
    tty: io.stderrIsTTY,
    stream: io.progressStream,
    tickMs: timer === 'breathe' ? 1000 : undefined,
    plainStart:
      timer === 'breathe'
        ? `${PACE_NAMES[pace.id]}: ${minutes} min, ${describePace(pace)}.${reminder ? ` ${reminder}` : ''}`
        : `${title}: ${minutes} min.${reminder ? ` ${reminder}` : ''}`,
    render: (frame, elapsed) => {
      if (timer === 'breathe') return `${breatheLine(frame, elapsed, pace.phases, io.errColor)}${reminderBelow(reminder, io.errColor, io.columns)}`;
      if (timer === 'cold' || timer === 'heat') return therapyLine(timer, frame, reminder, io.errColor, io.columns);
      return `${c.bold(title)}  ${c.bold(formatCountdown(frame.remainingMs))} left`;
    },
  });
  const recorded = (timer === 'cold' || timer === 'heat') && result.end.getTime() - result.start.getTime() >= MIN_RECORDED_MS;
  return recorded ? { ...result, therapy: { kind: timer, start: formatIso(result.start), end: formatIso(result.end) } } : result;
}
