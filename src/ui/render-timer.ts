import { breathAt, formatCountdown, progressBar, type Frame, type PacePhase } from '../core/timer.js';
import { makeStyle, wrap } from './style.js';

/** The live line of a cold or heat countdown: what, time left, a bar, the reminder. */
export function therapyLine(kind: 'cold' | 'heat', frame: Frame, reminder: string, color: boolean, width = 80): string {
  const c = makeStyle(color);
  const label = kind === 'cold' ? c.cyan.bold('Cold') : c.red.bold('Heat');
  return `${label}  ${c.bold(formatCountdown(frame.remainingMs))} left  ${progressBar(frame.fraction)}${reminderBelow(reminder, color, width)}`;
}

/** A reminder under a live line: dim, indented by 2, wrapped at words to `width` (a terminal would cut words). */
export function reminderBelow(reminder: string, color: boolean, width = 80): string {
  if (!reminder) return '';
  const c = makeStyle(color);
  // One reminder a line (all the cautions of a cold or heat session), each wrapped at words.
  return `\n${reminder
    .split('\n')
    .flatMap((part) => wrap(part, Math.min(width, 80) - 2).split('\n'))
    .map((line) => `  ${c.dim(line)}`)
    .join('\n')}`;
}

const CUES = { in: 'Breathe in ', hold: 'Hold       ', out: 'Breathe out' } as const;

/**
 * The live line of the breathing pacer: in, hold or out, its own count, the
 * time left. The dots fill while breathing in, stay full in the hold after
 * it, empty while breathing out, and stay empty in the hold after that.
 */
export function breatheLine(frame: Frame, elapsedMs: number, phases: readonly PacePhase[], color: boolean): string {
  const c = makeStyle(color);
  const breath = breathAt(elapsedMs, phases);
  const cue = breath.phase === 'in' ? c.cyan.bold(CUES.in) : breath.phase === 'out' ? c.green.bold(CUES.out) : c.yellow.bold(CUES.hold);
  const width = Math.max(...phases.map((p) => p.seconds));
  const phase = phases[breath.index]!;
  const lastBreath = phases.slice(0, breath.index).reverse().find((p) => p.kind !== 'hold');
  const dots =
    breath.phase === 'in'
      ? '●'.repeat(phase.seconds - breath.count + 1)
      : breath.phase === 'out'
        ? '●'.repeat(breath.count)
        : lastBreath?.kind === 'in'
          ? '●'.repeat(lastBreath.seconds)
          : '';
  return `${cue}  ${c.bold(String(breath.count))}  ${dots.padEnd(width)}  ${c.dim(`${formatCountdown(frame.remainingMs)} left`)}`;
}
