import { breathAt, formatCountdown, progressBar, type Frame } from '../core/timer.js';
import { makeStyle } from './style.js';

/** The live line of a cold or heat countdown: what, time left, a bar, the reminder. */
export function therapyLine(kind: 'cold' | 'heat', frame: Frame, reminder: string, color: boolean): string {
  const c = makeStyle(color);
  const label = kind === 'cold' ? c.cyan.bold('Cold') : c.red.bold('Heat');
  return `${label}  ${c.bold(formatCountdown(frame.remainingMs))} left  ${progressBar(frame.fraction)}\n  ${c.dim(reminder)}`;
}

/** The live line of the breathing pacer: in or out, its own count, the time left. */
export function breatheLine(frame: Frame, elapsedMs: number, inhaleS: number, exhaleS: number, color: boolean): string {
  const c = makeStyle(color);
  const breath = breathAt(elapsedMs, inhaleS, exhaleS);
  const cue = breath.phase === 'in' ? c.cyan.bold('Breathe in ') : c.green.bold('Breathe out');
  const dots = breath.phase === 'in' ? '●'.repeat(inhaleS - breath.count + 1) : '●'.repeat(breath.count);
  return `${cue}  ${c.bold(String(breath.count))}  ${dots.padEnd(Math.max(inhaleS, exhaleS))}  ${c.dim(`${formatCountdown(frame.remainingMs)} left`)}`;
}
