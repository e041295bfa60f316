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

export type BreathPhase = 'in' | 'hold' | 'out';

/** One part of a breath: breathe in, hold, or breathe out, for whole seconds. */
export interface PacePhase {
  readonly kind: BreathPhase;
  readonly seconds: number;
}

export interface BreathFrame {
  phase: BreathPhase;
  /** Whole seconds left in this phase, counting down to 1. */
  count: number;
  /** Breaths begun so far, from 1. */
  breath: number;
  /** Which of the pace's phases (0-based), to tell a hold after in from one after out. */
  index: number;
}

/** The pacer at `elapsedMs`: the phases one after another, repeated (phases of 0 s are passed over). */
export function breathAt(elapsedMs: number, phases: readonly PacePhase[]): BreathFrame {
  const cycle = phases.reduce((n, p) => n + p.seconds, 0) * 1000;
  const inCycle = ((elapsedMs % cycle) + cycle) % cycle;
  const breath = Math.floor(elapsedMs / cycle) + 1;
  let start = 0;
  for (const [index, phase] of phases.entries()) {
    const end = start + phase.seconds * 1000;
    if (inCycle < end) return { phase: phase.kind, count: Math.ceil((end - inCycle) / 1000), breath, index };
    start = end;
  }
  /* c8 ignore next: inCycle < cycle, so a phase always matches */
  return { phase: phases[0]!.kind, count: phases[0]!.seconds, breath, index: 0 };
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
