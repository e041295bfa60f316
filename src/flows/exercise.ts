// One exercise, guided the same way in `spasm start` (the stretches step) and
// `spasm routine`: asks, counts every hold, asks how it went.
import { getReadySeconds, postureOf, type Posture } from '../core/pacing.js';
import { printable } from '../core/time.js';
import { formatCountdown } from '../core/timer.js';
import type { Exercise } from '../data/types.js';
import type { Deps } from '../deps.js';
import { isBreaths, RELAX_SECONDS, renderExercise, type Dose } from '../ui/exercise.js';
import { makeStyle } from '../ui/style.js';
import { companionOf } from './companion.js';
import { bell, runCountdown, type CountdownEnd } from './countdown.js';

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
        stream: io.progressStream(),
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
    bell(io.progressStream(), tty);
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
        if (handsFree && (!breaths || rep === 1)) bell(io.progressStream(), tty);
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
          if (i > 0 && handsFree) bell(io.progressStream(), tty);
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
    bell(io.progressStream(), tty);
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
