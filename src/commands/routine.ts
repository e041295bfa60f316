import { compareText, toJson } from '../core/text.js';
import { takenIds } from '../core/episodes.js';
import { newId } from '../core/ids.js';
import type { StoreHead } from '../core/document.js';
import { sessionJson, type RoutineSession, type StepStatus } from '../core/records.js';
import { formatIso } from '../core/time.js';
import { postureOf, type Posture } from '../core/pacing.js';
import { parsePain } from '../core/values.js';
import { loadExercises, loadHomeProgram, loadProtocol, loadRedFlags } from '../data/index.js';
import type { HomeProgram } from '../data/types.js';
import type { Deps } from '../deps.js';
import { InterruptedError, UsageError } from '../errors.js';
import { askPain, requireFlags } from '../flows/ask.js';
import { withCompanion } from '../flows/companion.js';
import { guideExercise, type ExerciseResult } from '../flows/exercise.js';
import { isBreaths } from '../core/dose.js';
import { cancelable } from '../flows/prompts.js';
import { planRoutine, standingScreen } from '../core/plan.js';
import { ongoingEpisode } from '../core/episodes.js';
import { renderStandingScreen } from '../ui/walkthrough.js';
import { makeStyle } from '../ui/style.js';
import { renderRoutineIntro, renderRoutineSummary, renderSessions } from '../ui/render-routine.js';

/** Options of `spasm routine` (raw strings, checked here). */
export interface RoutineOptions {
  /** No key presses: each exercise runs by itself, with a bell. */
  handsFree?: boolean;
  /** Pain 0–10 before the session; asked on a terminal when absent. */
  painBefore?: string;
  /** Pain 0–10 after the session; asked on a terminal when absent. */
  painAfter?: string;
  /** A program file instead of the configured or default program. */
  program?: string;
  /** Speak each exercise, each hold and the breathing cues (default: the `voice` setting). */
  voice?: boolean;
}

/** Options of `spasm routine log`. */
export interface RoutineLogOptions {
  /** Print the sessions as JSON (SPEC.md section 4), oldest first. */
  json?: boolean;
}

/** The active program: --program, else `config set program`, else data/program.json. */
function activeProgram(flag: string | undefined, doc: StoreHead): HomeProgram {
  if (flag !== undefined) return loadHomeProgram(flag);
  const configured = doc.settings.program;
  if (configured === undefined) return loadHomeProgram();
  try {
    return loadHomeProgram(configured);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const hint = `${error.hint ? `${error.hint}\n` : ''}it was set with spasm config set program; back to the default: spasm config unset program`;
    throw new UsageError(error.message, hint);
  }
}

/** `spasm routine`: pain before, each exercise guided, pain after, a summary; saved as it goes. */
export async function routine(opts: RoutineOptions, given: Deps): Promise<void> {
  const { io } = given;
  // Every flag is checked before anything is asked, run or stored.
  const painBeforeFlag = opts.painBefore === undefined ? undefined : parsePain(opts.painBefore, '--pain-before');
  const painAfterFlag = opts.painAfter === undefined ? undefined : parsePain(opts.painAfter, '--pain-after');
  const handsFree = opts.handsFree === true;
  const missing = [handsFree ? '' : '--hands-free', painBeforeFlag === undefined ? '--pain-before' : '', painAfterFlag === undefined ? '--pain-after' : ''];
  requireFlags(io, missing.filter(Boolean), 'routine');
  const deps = await withCompanion(given, { voice: opts.voice });
  const doc = await deps.store.read();
  const program = activeProgram(opts.program, doc);

  const startedAt = deps.clock.now();
  const { doses, seconds } = planRoutine(program, doc.sessions(), startedAt);
  // A standing emergency or same-day answer comes first (clinical.md section 2).
  const standing = standingScreen(ongoingEpisode(doc.episodes, startedAt, loadProtocol().thresholds));
  const screen = loadRedFlags();
  if (standing) io.out(renderStandingScreen(screen, standing, startedAt, io.color, io.columns, 'other'));
  io.out(renderRoutineIntro(program, loadExercises().stopRule, seconds, handsFree, io.color, io.columns, screen.watchFor));

  const painBefore = painBeforeFlag ?? (await cancelable(() => askPain(deps.prompt, 'Pain now, before the exercises?'), stop('Stopped. Nothing was recorded.')));

  const session: RoutineSession = { id: '', at: formatIso(startedAt), program: program.id, painBefore, painAfter: null, exercises: [] };
  // Saved now and after every exercise, so a Ctrl-C or a crash keeps the part done.
  const save = () =>
    deps.store.update((fresh) => {
      const stored = fresh.sessions().find((s) => s.id === session.id);
      if (stored) return void Object.assign(stored, structuredClone(session));
      // The first save gives the session its id, under the lock, so no other writer takes it.
      session.id = newId('r', takenIds(fresh, 'r'), deps.random);
      fresh.sessions().push(structuredClone(session));
    });
  await save();

  let hurt = false;
  // Hands-free pacing: the time to get into position depends on the position before (null: the start).
  let posture: Posture | null = null;
  for (const [i, exercise] of program.exercises.entries()) {
    const { dose, raisedFrom } = doses[i]!;
    const up = raisedFrom === null ? '' : ` · ${dose.reps} ${isBreaths(exercise) ? 'breaths' : 'reps'} today, up from ${raisedFrom}: your last sessions went well`;
    // No newline: guideExercise starts with one, so the header sits right above the exercise's name.
    io.out(`\n${makeStyle(io.color).dim(`Exercise ${i + 1} of ${program.exercises.length}${up}`)}`);
    const result: ExerciseResult = await cancelable(
      () => guideExercise(exercise, dose, deps, handsFree, { from: posture }),
      () => ({ status: 'stopped', interrupted: true, hurt: false }) as const,
    );
    posture = postureOf(exercise.position);
    session.exercises.push({ id: exercise.id, status: result.status });
    await save();
    if (result.interrupted) throw new InterruptedError(`Stopped. Saved session ${session.id}: ${tally(session.exercises)}.`);
    hurt ||= result.hurt;
    if (result.status === 'stopped') break;
  }

  session.painAfter =
    painAfterFlag ?? (await cancelable(() => askPain(deps.prompt, 'Pain now, after the exercises?', painBefore), stop(`Stopped. Saved session ${session.id}: ${tally(session.exercises)}, without pain after.`)));
  await save();
  io.out(renderRoutineSummary(session, program.exercises.length, hurt, io.color, io.columns));
}

/** Ctrl-C's way out: exit 130 with `message`. */
const stop = (message: string) => (): never => {
  throw new InterruptedError(message);
};

/** "2 done, 1 skipped, 1 stopped". */
function tally(exercises: readonly { status: StepStatus }[]): string {
  const count = (status: StepStatus) => exercises.filter((e) => e.status === status).length;
  return (['done', 'skipped', 'stopped'] as const).map((s) => `${count(s)} ${s}`).join(', ');
}

/** `spasm routine log`: past sessions, newest first; JSON oldest first (like `log list --json`). */
export async function routineLog(opts: RoutineLogOptions, deps: Deps): Promise<void> {
  const doc = await deps.store.read();
  const sessions = [...doc.sessions()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compareText(a.id, b.id));
  if (opts.json) {
    deps.io.out(toJson(sessions.map(sessionJson)));
    return;
  }
  deps.io.out(renderSessions(sessions.reverse(), deps.clock.now(), deps.io.color, deps.io.columns));
}
