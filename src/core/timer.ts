/** Pure arithmetic of countdowns and the breathing pacer. Times in milliseconds. */

export interface Frame {
  /** Time left, never negative. */
  remainingMs: number;
  /** 0 at the start, 1 at the end. */
  fraction: number;
  done: boolean;
}

/** Where a countdown stands at `now`: computed from the clock, never by adding up ticks, so it cannot drift. */
export function frameAt(startMs: number, durationMs: number, nowMs: number): Frame {
  const elapsed = Math.min(Math.max(nowMs - startMs, 0), durationMs);
  return { remainingMs: durationMs - elapsed, fraction: durationMs > 0 ? elapsed / durationMs : 1, done: elapsed >= durationMs };
}

export interface BreathFrame {
  phase: 'in' | 'out';
  /** Whole seconds left in this breath phase, counting down to 1. */
  count: number;
  /** Breaths begun so far, from 1. */
  breath: number;
}

/** The pacer at `elapsedMs`: inhale for `inhaleS`, then exhale for `exhaleS`, repeated. */
export function breathAt(elapsedMs: number, inhaleS: number, exhaleS: number): BreathFrame {
  const cycle = (inhaleS + exhaleS) * 1000;
  const inCycle = ((elapsedMs % cycle) + cycle) % cycle;
  const breath = Math.floor(elapsedMs / cycle) + 1;
  if (inCycle < inhaleS * 1000) return { phase: 'in', count: Math.ceil((inhaleS * 1000 - inCycle) / 1000), breath };
  return { phase: 'out', count: Math.ceil((cycle - inCycle) / 1000), breath };
}

/** mm:ss for a countdown, rounding up so it never shows 00:00 before the end. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.ceil(Math.max(0, remainingMs) / 1000);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** A text progress bar of `width` cells. */
export function progressBar(fraction: number, width = 20): string {
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** How long until the next whole second of the countdown, so the display changes on the second. */
export function msToNextSecond(remainingMs: number): number {
  const rest = remainingMs % 1000;
  return rest === 0 ? Math.min(1000, remainingMs) : rest;
}
