// One exercise, guided the same way in `spasm start` (the stretches step) and
// `spasm routine`: asks, counts every hold, asks how it went.
import { printable } from '../core/time.js';
import { formatCountdown } from '../core/timer.js';
import type { Exercise } from '../data/types.js';
import type { Deps } from '../deps.js';
import { isBreaths, RELAX_SECONDS, renderExercise, type Dose } from '../ui/exercise.js';
import { makeStyle } from '../ui/style.js';
import { bell, runCountdown } from './countdown.js';

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
export async function guideExercise(e: Exercise, dose: Dose, deps: Deps, handsFree: boolean): Promise<ExerciseResult> {
  const { io, prompt, clock } = deps;
  const tty = io.stderrIsTTY;
  const c = makeStyle(io.errColor);
  io.out(`\n${renderExercise(e, dose, io.color, io.columns)}`);
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
  // One countdown of `seconds`, with its live line; false if Ctrl-C ended it.
  const count = async (seconds: number, label: (left: string) => string, plainStart?: string) =>
    (
      await runCountdown({
        clock,
        durationMs: seconds * 1000,
        signal: deps.signal,
        tty,
        stream: io.progressStream,
        plainStart,
        render: (f) => label(formatCountdown(f.remainingMs)),
      })
    ).completed;
  const interrupted = { status: 'stopped', interrupted: true, hurt: false } as const;
  const sides = e.perSide ? ['left side', 'right side'] : [''];
  const breaths = isBreaths(e);
  for (let set = 1; set <= dose.sets; set++) {
    for (let rep = 1; rep <= dose.reps; rep++) {
      for (const side of sides) {
        const where = `${dose.sets > 1 ? `Set ${set}/${dose.sets} · ` : ''}${breaths ? 'Breath' : 'Rep'} ${rep}/${dose.reps}${side ? ` · ${side}` : ''}`;
        // A bell at each hold; breaths follow one another without one (or a pause).
        if (handsFree && (!breaths || rep === 1)) bell(io.progressStream, tty);
        // Hands-free there is no question to answer "stop" to: keep the way out on screen.
        const way = handsFree ? c.dim('  (Ctrl-C to stop)') : '';
        if (breaths) {
          if (!(await count(dose.holdSeconds, (left) => `${c.bold('Breathe')} ${left}  ${c.dim(where)}${way}`, `${where}: one slow breath, ${dose.holdSeconds} s`))) return interrupted;
          continue;
        }
        // Each position of the repetition in turn (one, unnamed, for most), then a moment to relax.
        for (const [i, position] of (e.holds ?? ['']).entries()) {
          if (i > 0 && handsFree) bell(io.progressStream, tty);
          const at = position ? `${where} · ${printable(position)}` : where;
          if (!(await count(dose.holdSeconds, (left) => `${c.bold('Hold')} ${left}  ${c.dim(at)}${way}`, `${at}: hold ${dose.holdSeconds} s`))) return interrupted;
        }
        if (!(await count(RELAX_SECONDS, (left) => `${c.green('Relax')} ${left}  ${c.dim(where)}`))) return interrupted;
      }
    }
    if (set < dose.sets && !(await count(e.restSeconds, (left) => `${c.green('Rest')} ${left} before set ${set + 1}`, `Rest ${e.restSeconds} s`))) {
      return interrupted;
    }
  }
  if (handsFree) {
    bell(io.progressStream, tty);
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
