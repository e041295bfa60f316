// A timed step's countdown, the same in `spasm timer` and in `spasm start`:
// the live line (pacer, cold/heat with its reminder, or a plain countdown),
// the one line printed without a terminal, and the session to record.
import type { TherapySession } from '../core/records.js';
import { breathAt, formatCountdown } from '../core/timer.js';
import { formatIso, ms } from '../core/time.js';
import { describePace, PACE_NAMES, type Pace } from '../core/breathing.js';
import type { TimerKind } from '../data/types.js';
import type { Deps } from '../deps.js';
import { companionOf, timerEnded, within } from './companion.js';
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
  const { voice } = companionOf(deps);
  const length = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  voice.say(`${timer === 'breathe' ? PACE_NAMES[pace.id] : title}, ${length}.`);
  // The title is heard before the first cue (a cue said while speaking is dropped); a few seconds at most.
  // (The timer is not unref'd: speech runs unref'd, and an idle event loop would end the program here.)
  if (timer === 'breathe') await within(voice.idle(), 4000);
  let lastCue = '';
  const result = await runCountdown({
    clock: deps.clock,
    durationMs: minutes * ms.minute,
    signal: deps.signal,
    tty: io.stderrIsTTY,
    stream: io.progressStream(),
    tickMs: timer === 'breathe' ? 1000 : undefined,
    keys: deps.keys && { source: deps.keys, enter: 'done', skip: 'skip', pause: true },
    // The breathing cues, spoken as each part of a breath begins.
    onTick: (frame, elapsed) => {
      if (timer !== 'breathe' || frame.done) return;
      const b = breathAt(elapsed, pace.phases);
      const at = `${b.breath}/${b.index}`;
      if (at === lastCue) return;
      lastCue = at;
      voice.say(b.phase === 'in' ? 'in…' : b.phase === 'out' ? 'out…' : 'hold…', { cue: true });
    },
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
  // Said and notified for a person who may not see the screen: for cold or heat, what to do now.
  const ended = timer === 'cold' || timer === 'heat' ? `${title}: time is up. Take the pack off and let your skin rest.` : `${timer === 'breathe' ? PACE_NAMES[pace.id] : title}: time is up.`;
  if (result.ended === 'time') await timerEnded(deps, ended);
  // The minutes it really ran: a pause is left out, and the session ends when it ended.
  const recorded = (timer === 'cold' || timer === 'heat') && result.activeMs >= MIN_RECORDED_MS;
  const start = new Date(result.end.getTime() - result.activeMs);
  return recorded ? { ...result, therapy: { kind: timer, start: formatIso(start), end: formatIso(result.end) } } : result;
}

