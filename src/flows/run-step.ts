// Runs one step of the walk-through on screen: shows it, asks start/skip/stop
// (unless hands-free), counts its timer. It never touches the store: the
// command saves the outcome after each step.
import { PACE_NAMES, pacesOf } from '../core/breathing.js';
import { postureOf, type Posture } from '../core/pacing.js';
import type { TherapyChoice, TherapyKind, TherapySession } from '../core/records.js';
import { formatCountdown } from '../core/timer.js';
import { isTherapyStep, therapyKindFor } from '../core/walkthrough.js';
import type { Protocol, Step } from '../data/types.js';
import type { Deps } from '../deps.js';
import { companionOf } from './companion.js';
import { bell, runCountdown } from './countdown.js';
import { runTimed } from './timed.js';
import { renderStep, renderTherapyChoice, stepTitle } from '../ui/walkthrough.js';
import { askStepAction, askTherapy } from './walkthrough.js';

/** What one step needs to know besides itself. */
export interface StepContext {
  deps: Deps;
  protocol: Protocol;
  handsFree: boolean;
  /** 1-based position and the plan's length, for the title. */
  n: number;
  total: number;
  /** The cold/heat kind planned; `choice` is what the person chose (asked at the step when `askChoice`). */
  kind: TherapyKind;
  choice: TherapyChoice | undefined;
  askChoice: boolean;
  episode: { onset: string; therapy: TherapySession[] };
  /** The screen's watch-for line, shown with the movements' stop rule. */
  watchFor?: string;
}

export interface StepOutcome {
  status: 'done' | 'skipped' | 'stopped';
  /** Ctrl-C during a countdown: save, then exit 130. */
  interrupted: boolean;
  /** The cold/heat session (the part done too), when it lasted at least a minute. */
  therapy?: TherapySession;
  /** The kind and choice in effect after the step (the person may choose at the therapy step). */
  kind: TherapyKind;
  choice: TherapyChoice | undefined;
}

export async function runStep(planned: Step, ctx: StepContext): Promise<StepOutcome> {
  const { deps, protocol, handsFree } = ctx;
  const { io } = deps;
  let { kind, choice } = ctx;
  let step = planned;
  const outcome = (status: StepOutcome['status'], extra: Partial<StepOutcome> = {}): StepOutcome => ({ status, interrupted: false, kind, choice, ...extra });

  if (handsFree) bell(io.progressStream(), io.stderrIsTTY);
  if (isTherapyStep(step.id) && ctx.askChoice && !handsFree) {
    io.out(renderTherapyChoice(protocol, ctx.n, ctx.total, kind, io.color, io.columns));
    const picked = await askTherapy(deps.prompt, protocol, choice ?? kind);
    if (picked === 'skip') return outcome('skipped');
    if (picked === 'stop') return outcome('stopped');
    choice = picked;
    kind = therapyKindFor(picked, ctx.episode, deps.clock.now(), protocol.thresholds);
  }
  if (isTherapyStep(step.id)) step = protocol.steps.find((s) => s.id === kind)!;

  const minutes = step.id === 'breathing' ? protocol.breathing.minutes : step.id === 'stretches' ? null : step.minutes;
  io.out(renderStep(step, ctx.n, ctx.total, io.color, io.columns, step.exercises ? ctx.watchFor : undefined));
  companionOf(deps).voice.say(`Step ${ctx.n} of ${ctx.total}: ${step.title}.`);
  // Breathing offers its paces (clinical.md section 6), the default first; hands-free keeps that.
  const paces = pacesOf(protocol.breathing);
  let pace = paces[0]!;
  if (!handsFree) {
    const action = await askStepAction(deps.prompt, step, minutes, step.timer === 'breathe' ? paces : []);
    if (action === 'skip') return outcome('skipped');
    if (action === 'stop') return outcome('stopped');
    pace = paces.find((p) => p.id === action) ?? pace;
  }

  if (step.id === 'stretches') return { ...(await runStretches(step, deps, handsFree)), kind, choice };
  if (minutes === null) {
    // Untimed (straighten up): the person said Done; hands-free gives a reading pause.
    if (!handsFree) return outcome('done');
    const pause = await countdown(deps, protocol.pacing.readingPauseSeconds * 1000, `${stepTitle(step, ctx.n, ctx.total)}: take your time.`, (left) => `Next step in ${left}`);
    return pause.ended === 'interrupted' ? outcome('stopped', { interrupted: true }) : outcome(pause.ended === 'skipped' ? 'skipped' : 'done');
  }

  const result = await runTimed(deps, { timer: step.timer, minutes, title: step.title, reminder: step.timer ? step.cautions.join('\n') : '', pace });
  const therapy = result.therapy;
  if (result.ended === 'interrupted') return outcome('stopped', { interrupted: true, therapy });
  // `s` in the countdown: skipped, though the part done of a cold or heat session is kept.
  if (result.ended === 'skipped') return outcome('skipped', { therapy });
  io.err(`Done: ${step.timer === 'breathe' ? PACE_NAMES[pace.id] : step.title}.\n`);
  return outcome('done', { therapy });
}

/** A short countdown with one plain line (hands-free reading pause). */
function countdown(deps: Deps, durationMs: number, plainStart: string, render: (left: string) => string) {
  return runCountdown({
    clock: deps.clock,
    durationMs,
    signal: deps.signal,
    tty: deps.io.stderrIsTTY,
    stream: deps.io.progressStream(),
    plainStart,
    keys: deps.keys && { source: deps.keys, enter: 'go on', skip: 'skip' },
    render: (frame) => render(formatCountdown(frame.remainingMs)),
  });
}

/** The stretches, one by one with the shared exercise guide; the first that hurts ends them. */
async function runStretches(step: Step, deps: Deps, handsFree: boolean): Promise<Pick<StepOutcome, 'status' | 'interrupted'>> {
  const [{ loadExercises }, { doseOf }, { guideExercise }] = await Promise.all([import('../data/index.js'), import('../ui/exercise.js'), import('./exercise.js')]);
  const library = loadExercises();
  let done = 0;
  // The movements come in the rest position, on the back.
  let from: Posture | null = 'back';
  for (const id of step.exercises ?? []) {
    const exercise = library.byId.get(id)!;
    const result = await guideExercise(exercise, doseOf(exercise), deps, handsFree, { from });
    from = postureOf(exercise.position);
    if (result.interrupted) return { status: 'stopped', interrupted: true };
    if (result.status === 'stopped') return { status: 'stopped', interrupted: false };
    if (result.status === 'done') done++;
  }
  return { status: done > 0 ? 'done' : 'skipped', interrupted: false };
}
