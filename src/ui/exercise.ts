// One exercise, shown and guided the same way in `spasm start` (the stretches
// step) and `spasm routine`.
import { getReadySeconds, postureOf, type Posture } from '../core/pacing.js';
import { printable } from '../core/time.js';
import { formatCountdown } from '../core/timer.js';
import type { Exercise } from '../data/types.js';
import type { Deps } from '../deps.js';
import { companionOf } from './companion.js';
import { bell, runCountdown, type CountdownEnd } from './countdown.js';
import { makeStyle, wrap } from './style.js';

/** How much of an exercise to do today (the routine's progression may raise reps). */
export interface Dose {
  reps: number;
  sets: number;
  holdSeconds: number;
}

export const doseOf = (e: Exercise): Dose => ({ reps: e.reps.start, sets: e.sets, holdSeconds: e.holdSeconds });

/** A short pause between repetitions, to let go before the next hold (pacing, not a clinical dose). */
const RELAX_SECONDS = 3;

/** Is one repetition a slow breath (never held, no pause between) rather than a hold? */
export const isBreaths = (e: Pick<Exercise, 'eachRep'>): boolean => e.eachRep === 'breath';

/** The dose in one line: "Hold 5 s · 5 reps on each side · 2 sets · rest 30 s between sets"; "10 breaths of 10 s". */
function doseLine(e: Exercise, dose: Dose): string {
  const parts = isBreaths(e)
    ? [`${dose.reps} ${dose.reps === 1 ? 'breath' : 'breaths'} of ${dose.holdSeconds} s`]
    : [`Hold ${dose.holdSeconds} s${e.holds ? ` in each of ${e.holds.length} positions` : ''}`, `${dose.reps} ${dose.reps === 1 ? 'rep' : 'reps'}${e.perSide ? ' on each side' : ''}`];
  if (dose.sets > 1) parts.push(`${dose.sets} sets`, `rest ${e.restSeconds} s between sets`);
  return parts.join(' · ');
}

/** The whole exercise as a screen: name, position, numbered steps, dose, cautions, stop rule. */
export function renderExercise(e: Exercise, dose: Dose, color: boolean, width = 80): string {
  const c = makeStyle(color);
  const w = Math.min(width, 80) - 2;
  const lines = [c.bold(printable(e.name)), `Start: ${wrap(printable(e.position), w - 7, 7)}`];
  e.instructions.forEach((step, i) => lines.push(`${String(i + 1).padStart(2)}. ${wrap(printable(step), w - 4, 4)}`));
  lines.push(c.bold(doseLine(e, dose)));
  for (const caution of e.cautions) lines.push(`${c.yellow('Note:')} ${wrap(printable(caution), w - 6, 6)}`);
  // The data's stop rules are whole sentences ("Stop if …"); a label would repeat them.
  lines.push(c.red.bold(`! ${wrap(printable(e.stopRule), w - 2, 2)}`));
  return `${lines.join('\n')}\n`;
}

/** About how long the exercise takes at `dose`, in seconds: holds, relaxing between repetitions, rests between sets. */
export function exerciseSeconds(e: Exercise, dose: Dose): number {
  const reps = dose.sets * dose.reps * (e.perSide ? 2 : 1);
  const perRep = isBreaths(e) ? dose.holdSeconds : (e.holds?.length ?? 1) * dose.holdSeconds + RELAX_SECONDS;
  return reps * perRep + (dose.sets - 1) * e.restSeconds;
}

/**
 * How an exercise ended. `hurt`: the person stopped because it hurt more or
 * pain spread (not just "stop here"), so the caller can point to `spasm log`.
 */
export type ExerciseResult = { status: 'done' | 'skipped' | 'stopped'; interrupted: boolean; hurt: boolean };

/**
 * Guides one exercise: asks to start (or skip, or stop here), counts every
 * hold, rests between sets, then asks how it went. Hands-free: no questions,
 * a bell at each change. `interrupted` is true after Ctrl-C in a countdown
 * (questions reject with inquirer's ExitPromptError instead).
 */
export async function guideExercise(e: Exercise, dose: Dose, deps: Deps, handsFree: boolean, pacing: { from: Posture | null } = { from: null }): Promise<ExerciseResult> {
  const { io, prompt, clock } = deps;
  const tty = io.stderrIsTTY;
  const c = makeStyle(io.errColor);
  const { voice } = companionOf(deps);
  io.out(`\n${renderExercise(e, dose, io.color, io.columns)}`);
  voice.say(`${printable(e.name)}. ${printable(e.position)}`);
  if (!handsFree) {
    const ready = await prompt.select<'start' | 'skip' | 'stop'>({
      message: 'Ready?',
      choices: [
        { name: 'Start', value: 'start' },
        { name: 'Skip this one', value: 'skip' },
        { name: 'Stop here', value: 'stop', description: 'End the exercises now; what you did is kept.' },
      ],
    });
    if (ready === 'skip') return { status: 'skipped', interrupted: false, hurt: false };
    if (ready === 'stop') return { status: 'stopped', interrupted: false, hurt: false };
  }
  // One countdown of `seconds`, with its live line: how it ended (Enter goes on, s skips the exercise, Ctrl-C stops).
  const count = async (seconds: number, label: (left: string) => string, plainStart?: string, enter = 'next'): Promise<CountdownEnd> =>
    (
      await runCountdown({
        clock,
        durationMs: seconds * 1000,
        signal: deps.signal,
        tty,
        stream: io.progressStream,
        plainStart,
        keys: deps.keys && { source: deps.keys, enter, skip: 'skip this exercise', pause: true },
        render: (f) => label(formatCountdown(f.remainingMs)),
      })
    ).ended;
  const interrupted = { status: 'stopped', interrupted: true, hurt: false } as const;
  const skipped = { status: 'skipped', interrupted: false, hurt: false } as const;
  // Ctrl-C and `s` end the exercise; the time running out or Enter go on.
  const stopper = (end: CountdownEnd): ExerciseResult | null => (end === 'interrupted' ? interrupted : end === 'skipped' ? skipped : null);
  if (handsFree) {
    // Time to get into position before the first hold, announced (clinical.md section 3).
    const seconds = getReadySeconds(pacing.from, postureOf(e.position));
    bell(io.progressStream, tty);
    voice.say(`Get into position. The first ${isBreaths(e) ? 'breath' : 'hold'} starts in ${seconds} seconds.`);
    const end = await count(seconds, (left) => `${c.bold('Get into position')} ${left}  ${c.dim(printable(e.name))}`, `Get into position for ${printable(e.name)}: ${seconds} s.`, 'ready');
    const stop = stopper(end);
    if (stop) return stop;
  }
  const sides = e.perSide ? ['left side', 'right side'] : [''];
  const breaths = isBreaths(e);
  for (let set = 1; set <= dose.sets; set++) {
    for (let rep = 1; rep <= dose.reps; rep++) {
      for (const side of sides) {
        const where = `${dose.sets > 1 ? `Set ${set}/${dose.sets} · ` : ''}${breaths ? 'Breath' : 'Rep'} ${rep}/${dose.reps}${side ? ` · ${side}` : ''}`;
        // A bell at each hold; breaths follow one another without one (or a pause).
        if (handsFree && (!breaths || rep === 1)) bell(io.progressStream, tty);
        // Hands-free there is no question to answer "stop" to: keep the way out on screen (the key hint says it when keys work).
        const way = handsFree && !deps.keys ? c.dim('  (Ctrl-C to stop)') : '';
        if (breaths) {
          voice.say('Breathe in… and out…', { cue: true });
          const stop = stopper(await count(dose.holdSeconds, (left) => `${c.bold('Breathe')} ${left}  ${c.dim(where)}${way}`, `${where}: one slow breath, ${dose.holdSeconds} s`));
          if (stop) return stop;
          continue;
        }
        // Each position of the repetition in turn (one, unnamed, for most), then a moment to relax.
        for (const [i, position] of (e.holds ?? ['']).entries()) {
          if (i > 0 && handsFree) bell(io.progressStream, tty);
          const at = position ? `${where} · ${printable(position)}` : where;
          voice.say(position ? `${printable(position)}. Hold.` : side ? `${side[0]!.toUpperCase()}${side.slice(1)}. Hold.` : 'Hold.');
          const stop = stopper(await count(dose.holdSeconds, (left) => `${c.bold('Hold')} ${left}  ${c.dim(at)}${way}`, `${at}: hold ${dose.holdSeconds} s`));
          if (stop) return stop;
        }
        voice.say('Relax.', { cue: true });
        const stop = stopper(await count(RELAX_SECONDS, (left) => `${c.green('Relax')} ${left}  ${c.dim(where)}`));
        if (stop) return stop;
      }
    }
    if (set < dose.sets) {
      voice.say(`Rest ${e.restSeconds} seconds.`);
      const stop = stopper(await count(e.restSeconds, (left) => `${c.green('Rest')} ${left} before set ${set + 1}`, `Rest ${e.restSeconds} s`));
      if (stop) return stop;
    }
  }
  if (handsFree) {
    bell(io.progressStream, tty);
    voice.say(`${printable(e.name)}: done.`);
    return { status: 'done', interrupted: false, hurt: false };
  }
  const how = await prompt.select<'done' | 'stopped'>({
    message: 'How did it go?',
    choices: [
      { name: 'Done, it felt all right', value: 'done' },
      { name: 'It hurt more, or pain spread down my leg: stop', value: 'stopped' },
    ],
  });
  return { status: how, interrupted: false, hurt: how === 'stopped' };
}
