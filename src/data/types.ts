/**
 * Types of the program data in data/*.json. The JSON Schemas in data/schema/
 * are the source of truth for the files' shape; these types mirror them after
 * parsing (src/data/parse.ts), so `$schema` keys are dropped and program
 * entries are resolved.
 */

/** Source keys of clinical.md (for example "NHSI", "A1"); never empty. */
export type Sources = readonly string[];

/** The advice codes of SPEC.md section 4. */
export type AdviceCode = 'seek-emergency-care' | 'seek-same-day-care' | 'see-pt-persisting' | 'see-pt-recurring';

export type RedFlagTier = 'emergency' | 'same-day';

export type TherapyKind = 'cold' | 'heat';

/** What the user may pick for a session (`--therapy`). */
export type TherapyChoiceKind = TherapyKind | 'alternate';

export type TimerKind = 'breathe' | TherapyKind;

/** The ids of the protocol's steps, in order. */
export type StepId = 'rest-position' | 'breathing' | 'cold' | 'heat' | 'stretches' | 'straighten-up' | 'walking';

/** In walk-through order (SPEC.md section 1): the movements lying down come before getting up. */
export const STEP_IDS: readonly StepId[] = ['rest-position', 'breathing', 'cold', 'heat', 'stretches', 'straighten-up', 'walking'];

/** Timings and limits of SPEC.md sections 1, 2 and 4. */
export interface Thresholds {
  /** Cold phase lasts until this many hours after onset; heat from then on. */
  readonly coldUntilHours: number;
  /** Length of one cold or heat session. */
  readonly therapyMinutes: number;
  /** The next cold/heat session is due this many hours after the last ended (earliest). */
  readonly therapyIntervalMinHours: number;
  /** ... and at the latest. */
  readonly therapyIntervalMaxHours: number;
  /** An unended episode whose onset is within this many days is ongoing. */
  readonly ongoingMaxDays: number;
  /** The red-flag screen is asked again when the last is older than this. */
  readonly screenRepeatHours: number;
  /** Pain still present this many days after onset: suggest a PT evaluation. */
  readonly persistingSuggestDays: number;
  /** ... and from this many days: recommend it plainly. */
  readonly persistingRecommendDays: number;
  /** An episode is a recurrence when its onset is at least this many days after the previous one ended. */
  readonly recurrenceGapDays: number;
  /** Recurrences within this many days lead to `see-pt-recurring`. */
  readonly recurrenceLookbackDays: number;
  /** The sources of each threshold; `["design"]` marks our own design choice. */
  readonly sources: Readonly<Record<Exclude<keyof Thresholds, 'sources' | 'note'>, Sources>>;
  readonly note?: string;
}

export interface BoxBreathing {
  readonly inSeconds: number;
  readonly holdSeconds: number;
  readonly outSeconds: number;
  readonly holdOutSeconds: number;
}

export interface Breathing {
  readonly inhaleSeconds: number;
  readonly exhaleSeconds: number;
  readonly minutes: number;
  /** An optional alternative pattern (box breathing); absent when not offered. */
  readonly box?: BoxBreathing;
  /** An optional shorter pace, for when slow breathing feels hard; absent when not offered. */
  readonly shorter?: { readonly inhaleSeconds: number; readonly exhaleSeconds: number };
  readonly sources: Sources;
}

export interface Step {
  readonly id: StepId;
  /** At most 40 characters. */
  readonly title: string;
  /** One sentence. */
  readonly summary: string;
  /** Shown numbered. */
  readonly instructions: readonly string[];
  readonly timer: TimerKind | null;
  /** The step's length (rest position) or its timer's default; null when untimed. */
  readonly minutes: number | null;
  /** The phase the step belongs to; null when it fits any phase. */
  readonly phase: TherapyKind | null;
  readonly cautions: readonly string[];
  readonly note?: string;
  /** Library exercise ids (the `stretches` step). */
  readonly exercises?: readonly string[];
  readonly sources: Sources;
  /** What in the step is our own design choice (for a reviewer; not shown). */
  readonly designNote?: string;
}

/** A short self-care fact (clinical.md section 1), shown one or two at a time. */
export interface GoodToKnow {
  readonly id: string;
  readonly text: string;
  readonly sources: Sources;
}

export interface TherapyOption {
  /** At most 40 characters. */
  readonly label: string;
  readonly description: string;
}

export interface TherapyChoice {
  readonly question: string;
  /** Mentions that heat has the better evidence. */
  readonly note: string;
  readonly options: Readonly<Record<TherapyChoiceKind, TherapyOption>>;
  readonly sources: Sources;
}

export interface AdviceText {
  readonly text: string;
  readonly sources: Sources;
}

/** Texts may hold `{days}`, to be replaced by the days since onset. */
export interface PersistingAdviceText {
  /** From `persistingSuggestDays`. */
  readonly suggestText: string;
  /** From `persistingRecommendDays`. */
  readonly recommendText: string;
  readonly sources: Sources;
}

export interface AdviceTexts {
  readonly 'seek-emergency-care': AdviceText;
  readonly 'seek-same-day-care': AdviceText;
  readonly 'see-pt-persisting': PersistingAdviceText;
  readonly 'see-pt-recurring': AdviceText;
}

/** Pacing of the walk-through itself, not a clinical dose. */
export interface Pacing {
  /** With --hands-free, how long (program time) a step without a timer stays before the next. */
  readonly readingPauseSeconds: number;
  readonly description?: string;
}

/** data/protocol.json */
export interface Protocol {
  readonly thresholds: Thresholds;
  readonly breathing: Breathing;
  readonly pacing: Pacing;
  /** In walk-through order; exactly the StepIds. */
  readonly steps: readonly Step[];
  readonly therapyChoice: TherapyChoice;
  readonly advice: AdviceTexts;
  readonly goodToKnow: readonly GoodToKnow[];
}

export interface RedFlagTierInfo {
  /** At most 40 characters. */
  readonly title: string;
  /** The group's heading in the screen's list ("Get help now if any of these is true:"). */
  readonly heading: string;
  readonly advice: string;
  readonly sources: Sources;
}

export interface RedFlag {
  readonly id: string;
  readonly tier: RedFlagTier;
  /** The item in full plain words, as the screen shows it. */
  readonly question: string;
  /** A short label for lists of what was said (status, report), at most 40 characters; never the screen itself. */
  readonly short: string;
  readonly sources: Sources;
  readonly note?: string;
}

/** data/red-flags.json */
export interface RedFlagScreen {
  readonly intro: string;
  /** The checklist's "none" choice. */
  readonly noneLabel: string;
  /** One line on the emergency signs to watch for and what to do (clinical.md section 2). */
  readonly watchFor: string;
  readonly watchForSources: Sources;
  readonly tiers: Readonly<Record<RedFlagTier, RedFlagTierInfo>>;
  /** In the order to ask them (emergency tier first). */
  readonly flags: readonly RedFlag[];
  readonly sources: Sources;
}

export interface Reps {
  readonly start: number;
  readonly max: number;
}

export interface Exercise {
  readonly id: string;
  /** At most 40 characters. */
  readonly name: string;
  /** The start position, one sentence. */
  readonly position: string;
  /** Shown numbered. */
  readonly instructions: readonly string[];
  /** Hold per repetition, in seconds (a breath is about 5); for `eachRep: 'breath'`, the length of one slow breath. */
  readonly holdSeconds: number;
  /** What one repetition is: a hold (the default), or one slow breath, which is never held. */
  readonly eachRep?: 'hold' | 'breath';
  /** When one repetition holds more than one position (cat, then cow): their names, in order, each held `holdSeconds`. */
  readonly holds?: readonly string[];
  /** Repetitions (per side when `perSide`): where to start and how far to build up. */
  readonly reps: Reps;
  readonly sets: number;
  /** Each repetition is done on the left and on the right. */
  readonly perSide: boolean;
  readonly timesPerDay: number;
  /** Rest between sets, in seconds. */
  readonly restSeconds: number;
  readonly cautions: readonly string[];
  readonly stopRule: string;
  readonly sources: Sources;
}

export interface Dosing {
  readonly notes: readonly string[];
  readonly sources: Sources;
}

/** data/exercises.json */
export interface ExerciseLibrary {
  /** The general stop rule, shown with every routine. */
  readonly stopRule: string;
  readonly dosing: Dosing;
  readonly exercises: readonly Exercise[];
  /** Exercises by id, for lookups. */
  readonly byId: ReadonlyMap<string, Exercise>;
  readonly sources: Sources;
}

export interface Progression {
  /** Repetitions to add at each step up; a single number n in the file means {min: n, max: n}. */
  readonly addReps: { readonly min: number; readonly max: number };
  /** At most one step up per this many days. */
  readonly everyDays: number;
  /** Recent sessions that must be complete, with no stop and no rise in pain, before a step up. */
  readonly requireCleanSessions: number;
  readonly sources: Sources;
}

/** data/program.json or a user's program file, with entries resolved into full exercises. */
export interface HomeProgram {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Resolved: library exercises with the entry's overrides applied, or the entry's own exercise. */
  readonly exercises: readonly Exercise[];
  readonly progression: Progression;
  /** Daily walking built up over weeks, beside the exercises. */
  readonly walking?: { readonly text: string; readonly sources: Sources };
  /** Who should leave out or change which exercises. */
  readonly precautions?: readonly string[];
  readonly precautionSources?: Sources;
  readonly sources: Sources;
}

export interface LogOption {
  readonly id: string;
  /** At most 40 characters. */
  readonly label: string;
}

export interface HelpedOption extends LogOption {
  /** The protocol step this option stands for, if any. */
  readonly step?: StepId;
}

export type LegSpread = 'none' | 'buttock' | 'thigh' | 'below-knee';

export interface LegOption {
  readonly id: LegSpread;
  readonly label: string;
}

/** data/log-options.json */
export interface LogOptions {
  readonly triggers: readonly LogOption[];
  readonly helped: readonly HelpedOption[];
  /** Exactly the four LegSpread values, in order of spread. */
  readonly legs: readonly LegOption[];
  readonly sources: Sources;
}

/** data/sources.json: source key → citation. */
export type SourceList = ReadonlyMap<string, string>;

/** Outcome of a parse function: the value, or problems as "<JSON path>: <problem>". */
export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };
