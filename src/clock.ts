import { parseIso } from './core/time.js';
import { quoted } from './core/text.js';
import { UsageError } from './errors.js';

/** The one source of time. Every wait goes through it, so tests control both. */
export interface Clock {
  now(): Date;
  /** Waits `ms` of program time; resolves false if `signal` aborted it first. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean>;
  /** How many times faster than real time the clock runs (SPASM_TIME_SCALE). */
  readonly scale: number;
}

/** A monotonic clock in ms (process.hrtime: the global `performance` loads perf_hooks, a few ms of every start). */
function elapsedMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}

/**
 * Builds the clock from SPASM_NOW (the program's time at start-up) and
 * SPASM_TIME_SCALE (the clock and every wait run n times faster, so a
 * 20-minute session records 20 minutes but takes 20/n real minutes).
 */
export function createClock(env: NodeJS.ProcessEnv, realNow: () => number = Date.now): Clock {
  let base = realNow();
  const nowText = env.SPASM_NOW?.trim();
  if (nowText) {
    const parsed = parseIso(nowText);
    if (!parsed) throw new UsageError(`SPASM_NOW ${quoted(nowText)} is not an ISO 8601 date-time`, 'for example SPASM_NOW=2026-11-27T09:30:00+01:00');
    base = parsed.getTime();
  }
  let scale = 1;
  const scaleText = env.SPASM_TIME_SCALE?.trim();
  if (scaleText) {
    scale = Number(scaleText);
    if (!/^\d+(\.\d+)?$/.test(scaleText) || !(scale > 0) || scale > 1_000_000) {
      throw new UsageError(`SPASM_TIME_SCALE ${quoted(scaleText)} must be a number greater than 0, up to 1000000`);
    }
  }
  const realStart = elapsedMs();
  return {
    scale,
    now: () => new Date(base + (elapsedMs() - realStart) * scale),
    sleep(ms, signal) {
      return new Promise((done) => {
        if (signal?.aborted) return done(false);
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          done(true);
        }, Math.max(0, ms / scale));
        const onAbort = () => {
          clearTimeout(timer);
          done(false);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
