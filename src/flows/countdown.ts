import type { Clock } from '../clock.js';
import { frameAt, msToNextSecond, type Frame } from '../core/timer.js';

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
}

export interface CountdownResult {
  completed: boolean;
  start: Date;
  end: Date;
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
  let spinner: { text: string; stop(): void; start(): unknown } | undefined;
  if (options.tty) {
    const { default: ora } = await import('ora');
    const stream = withWidth(options.stream);
    spinner = ora({ text: options.render(frameAt(startMs, durationMs, startMs), 0), stream, discardStdin: false, isEnabled: true, spinner: 'dots' });
    spinner.start();
  } else if (options.plainStart) {
    options.stream.write(`${options.plainStart}\n`);
  }
  let frame = frameAt(startMs, durationMs, startMs);
  try {
    while (!frame.done && !signal.aborted) {
      const wait = options.tickMs ? Math.min(options.tickMs, frame.remainingMs) : msToNextSecond(frame.remainingMs);
      await clock.sleep(wait, signal);
      const now = clock.now().getTime();
      frame = frameAt(startMs, durationMs, now);
      if (spinner) spinner.text = options.render(frame, now - startMs);
    }
  } finally {
    spinner?.stop();
  }
  const end = frame.done ? new Date(startMs + durationMs) : clock.now();
  return { completed: frame.done, start, end };
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
