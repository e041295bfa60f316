// What `spasm start` and `spasm routine` will do, decided before anything is
// asked: pure, from the records, the clock and the flags given. The commands
// keep only their loops.
import type { HomeProgram, Protocol, Step, Thresholds } from '../data/types.js';
import { exerciseSeconds, type Dose } from './dose.js';
import { ongoingEpisode } from './episodes.js';
import { progressFor } from './progression.js';
import type { Episode, RedFlagResult, RoutineSession, TherapyChoice, TherapyKind } from './records.js';
import { pendingStep, planSteps, resumeIndex, screenDue, therapyDue, therapyKindFor } from './walkthrough.js';

/**
 * The screen that still stands on an episode: its latest, when that was at the
 * emergency or same-day tier (clinical.md section 2, "carried forward"). A new
 * screen answered `none` lifts it. Null for no episode or a clear screen.
 */
export function standingScreen(episode: Pick<Episode, 'redFlags'> | null): RedFlagResult | null {
  const last = episode?.redFlags;
  return last && last.tier !== 'none' ? last : null;
}

/** Does the episode's latest screen say "get help now"? Then no comfort step comes before a new screen. */

/** What `spasm start` was given as flags (already checked). */
export interface StartGiven {
  pain: boolean;
  redFlags: boolean;
  onset: boolean;
  therapy?: TherapyChoice;
  forceNew: boolean;
  handsFree: boolean;
}

export interface WalkPlan {
  /** The episode to continue; null starts a new one. */
  ongoing: Episode | null;
  /** The standing emergency or same-day screen, shown first. */
  standing: RedFlagResult | null;
  /** Ask the screen: a new episode, the last screen older than screenRepeatHours, or an emergency standing. */
  screenDue: boolean;
  /** The flags a run without a terminal lacks, in the order to name them. */
  missing: string[];
}

/**
 * The plan of `spasm start` at `now`: which episode, whether the screen is
 * due, what is missing without a terminal. The steps follow from the onset
 * (asked after this), with stepsFor().
 */
export function planWalk(episodes: readonly Episode[], now: Date, given: StartGiven, thresholds: Thresholds): WalkPlan {
  const ongoing = given.forceNew ? null : ongoingEpisode(episodes, now, thresholds);
  const standing = standingScreen(ongoing);
  const due = screenDue(ongoing, now, thresholds) || standing?.tier === 'emergency';
  const missing = [
    ...(given.pain ? [] : ['--pain']),
    ...(due && !given.redFlags ? ['--red-flags'] : []),
    ...(given.handsFree ? [] : ['--hands-free']),
  ];
  return { ongoing, standing, screenDue: due, missing };
}

export interface StepsPlan {
  /** The cold/heat kind and the person's choice, before they choose at the step. */
  kind: TherapyKind;
  choice: TherapyChoice | undefined;
  /** The steps of a whole walk-through with that kind. */
  steps: Step[];
  /** Where an interrupted walk-through resumes in `steps`; -1 for none. */
  resumeAt: number;
  /** Is the next cold/heat session due (within or past its window, or none yet)? */
  therapyDue: boolean;
}

/** Which therapy and steps, and where to resume, for the episode (`ongoing`, or a new one from `onset`). */
export function stepsFor(ongoing: Episode | null, onset: string, therapyFlag: TherapyChoice | undefined, now: Date, protocol: Pick<Protocol, 'thresholds' | 'steps'>, preference?: TherapyChoice): StepsPlan {
  const th = protocol.thresholds;
  const pending = pendingStep(ongoing);
  // `preference`: the standing `spasm config set therapy`, below this walk's own choice.
  const choice = therapyFlag ?? ongoing?.walkthrough?.choice ?? preference;
  const base = { onset, therapy: ongoing?.therapy ?? [] };
  // A walk-through stopped half-way keeps the kind it had; a flag decides otherwise.
  const kind = !therapyFlag && ongoing?.walkthrough?.therapy && pending ? ongoing.walkthrough.therapy : therapyKindFor(choice, base, now, th);
  const steps = planSteps(protocol.steps, kind);
  return { kind, choice, steps, resumeAt: resumeIndex(steps, pending), therapyDue: ongoing ? therapyDue(ongoing, now, th) : true };
}

/** What happens after the screen: the tier decides. */
export type AfterScreen = 'stop' | 'ask-comfort' | 'go';

/**
 * Emergency stops the walk-through with the advice. Same-day shows it first;
 * on a terminal (not hands-free) the person then chooses the comfort steps or
 * to stop, so the advice is read, not scrolled away.
 */
export function afterScreen(result: Pick<RedFlagResult, 'tier'> | null, asks: boolean): AfterScreen {
  if (result?.tier === 'emergency') return 'stop';
  if (result?.tier === 'same-day' && asks) return 'ask-comfort';
  return 'go';
}

/**
 * Which one or two "good to know" facts to show at the end of a walk-through:
 * a different pair each time, in turn, by how many walk-throughs were
 * started before (`seed`). Never more than `count`.
 */
export function goodToKnowFor<T>(facts: readonly T[], seed: number, count = 2): T[] {
  if (facts.length === 0) return [];
  const n = Math.min(count, facts.length);
  const first = ((Math.floor(seed) * n) % facts.length + facts.length) % facts.length;
  return Array.from({ length: n }, (_, i) => facts[(first + i) % facts.length]!);
}

/** What `spasm routine` will do: today's dose of each exercise (raised by the progression), and about how long it all takes. */
export interface RoutinePlan {
  doses: { dose: Dose; raisedFrom: number | null }[];
  seconds: number;
}

export function planRoutine(program: Pick<HomeProgram, 'exercises' | 'progression'>, sessions: readonly RoutineSession[], now: Date): RoutinePlan {
  const doses = program.exercises.map((e) => {
    const progress = progressFor(e, program.progression, sessions, now);
    return { dose: { reps: progress.reps, sets: e.sets, holdSeconds: e.holdSeconds }, raisedFrom: progress.raisedFrom };
  });
  const seconds = program.exercises.reduce((sum, e, i) => sum + exerciseSeconds(e, doses[i]!.dose), 0);
  return { doses, seconds };
}
