import type { Clock } from '../clock.js';
import { frameAt, msToNextSecond, type Frame } from '../core/timer.js';
import type { CountdownKey, KeySource } from './keys.js';

/** Which keys a countdown takes, and what Enter and `s` do there (the hint line names them). */
export interface CountdownKeys {
  source: KeySource;
  /** Enter ends the countdown early, counted as done ("done", "next"); absent: Enter does nothing. */
  enter?: string;
  /** `s` skips ("skip", "skip this exercise"). */
  skip?: string;
  /** `p` pauses and resumes. */
  pause?: boolean;
  /** `q` leaves (the wait of --stay). */
  quit?: string;
}

/** How a countdown ended: its time ran out, Enter, `s`, `q`, or Ctrl-C. */
export type CountdownEnd = 'time' | 'early' | 'skipped' | 'quit' | 'interrupted';

export interface CountdownOptions {
  clock: Clock;
  durationMs: number;
  /** Aborting ends the countdown early (Ctrl-C). */
  signal: AbortSignal;
  /** Draw on a terminal (an ora line that updates) or print plain lines. */
  tty: boolean;
  stream: NodeJS.WriteStream;
  /** The live line for `frame`; `elapsedMs` is program time since the start. */
  render(frame: Frame, elapsedMs: number): string;
  /** How often the line changes, in program ms (the pacer wants every second; default 1000). */
  tickMs?: number;
  /** Without a terminal: the one line printed at the start (nothing is redrawn there). */
  plainStart?: string;
  /** Keys the countdown takes (on a terminal only); a hint line under the live line names them. */
  keys?: CountdownKeys;
  /** Called at every tick, terminal or not (the voice's breathing cues). */
  onTick?(frame: Frame, elapsedMs: number): void;
}

export interface CountdownResult {
  /** Done: the time ran out, or Enter ended it early. */
  completed: boolean;
  ended: CountdownEnd;
  start: Date;
  end: Date;
  /** Program time it ran, pauses left out. */
  activeMs: number;
}

/** The hint line of keys: "Enter: done · s: skip · p: pause · Ctrl-C: stop". */
export function keyHint(keys: CountdownKeys, paused: boolean): string {
  if (paused) return 'Paused. p: go on · Ctrl-C: stop';
  const parts = [keys.enter && `Enter: ${keys.enter}`, keys.skip && `s: ${keys.skip}`, keys.pause && 'p: pause', keys.quit && `q: ${keys.quit}`, 'Ctrl-C: stop'];
  return parts.filter(Boolean).join(' · ');
}

/**
 * Runs a countdown against the clock. On a terminal an ora spinner shows the
 * live line; elsewhere only a start line. Returns when the time is up or the
 * signal aborts, with the real start and end (program time).
 */
export async function runCountdown(options: CountdownOptions): Promise<CountdownResult> {
  const { clock, durationMs, signal } = options;
  const start = clock.now();
  const startMs = start.getTime();
  const keys = options.keys;
  let pausedMs = 0;
  let pausedSince: number | null = null;
  let ended: CountdownEnd | null = null;
  // A key wakes the sleep at once, so Enter or p shows without waiting for the next second.
  let wake = new AbortController();
  const onKey = (key: CountdownKey) => {
    if (key === 'enter' && keys?.enter) ended = 'early';
    else if (key === 'skip' && keys?.skip) ended = 'skipped';
    else if (key === 'quit' && keys?.quit) ended = 'quit';
    else if (key === 'pause' && keys?.pause) {
      const now = clock.now().getTime();
      if (pausedSince === null) pausedSince = now;
      else {
        pausedMs += now - pausedSince;
        pausedSince = null;
      }
    } else return;
    wake.abort();
  };
  const activeAt = (nowMs: number) => nowMs - pausedMs - (pausedSince === null ? 0 : nowMs - pausedSince);
  const text = (frame: Frame, elapsedMs: number) => {
    const line = options.render(frame, elapsedMs);
    return keys ? `${line}\n${keyHint(keys, pausedSince !== null)}` : line;
  };

  let spinner: { text: string; stop(): void; start(): unknown; render(): unknown } | undefined;
  if (options.tty) {
    const { default: ora } = await import('ora');
    const stream = withWidth(options.stream);
    spinner = ora({ text: text(frameAt(startMs, durationMs, startMs), 0), stream, discardStdin: false, isEnabled: true, spinner: 'dots' });
    spinner.start();
  } else if (options.plainStart) {
    options.stream.write(`${options.plainStart}\n`);
  }
  const unlisten = keys?.source.listen(onKey);
  let frame = frameAt(startMs, durationMs, startMs);
  options.onTick?.(frame, 0);
  try {
    while (!frame.done && !signal.aborted && !ended) {
      const wait = pausedSince !== null ? 1000 : options.tickMs ? Math.min(options.tickMs, frame.remainingMs) : msToNextSecond(frame.remainingMs);
      if (!(await clock.sleep(wait, AbortSignal.any([signal, wake.signal]))) && wake.signal.aborted) wake = new AbortController();
      const active = activeAt(clock.now().getTime());
      frame = frameAt(startMs, durationMs, active);
      if (pausedSince === null) options.onTick?.(frame, active - startMs);
      if (spinner) {
        spinner.text = text(frame, active - startMs);
        // Drawn now, not at the spinner's next frame: a key press shows at once.
        spinner.render();
      }
    }
  } finally {
    unlisten?.();
    spinner?.stop();
  }
  // `ended` is set by the key handler, which TypeScript cannot see from here.
  const finish: CountdownEnd = (ended as CountdownEnd | null) ?? (frame.done ? 'time' : 'interrupted');
  const nowMs = clock.now().getTime();
  const activeMs = Math.min(durationMs, activeAt(nowMs) - startMs);
  // Ran out: it ended when its active time reached the duration, not at the tick that noticed.
  const end = finish === 'time' ? new Date(startMs + durationMs + pausedMs) : new Date(nowMs);
  return { completed: finish === 'time' || finish === 'early', ended: finish, start, end, activeMs };
}

/**
 * The stream as ora should see it: a terminal that reports 0 columns (some
 * pseudo-terminals do) counts as 80. ora divides by the width to know how
 * many lines to clear, and 0 made it move the cursor up without end.
 */
export function withWidth(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  if (stream.columns) return stream;
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'columns') return target.columns || 80;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The terminal bell, on a terminal only (in a log file it is noise). */
export function bell(stream: NodeJS.WriteStream, tty: boolean): void {
  if (tty) stream.write('\u0007');
}
