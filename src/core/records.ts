/** The records of the store, in the JSON shapes of SPEC.md section 4. Times are ISO 8601 strings with offset. */

export type TherapyKind = 'cold' | 'heat';
export type StepStatus = 'done' | 'skipped' | 'stopped';
export type Legs = 'none' | 'buttock' | 'thigh' | 'below-knee';
export type Tier = 'none' | 'same-day' | 'emergency';

export const LEGS: readonly Legs[] = ['none', 'buttock', 'thigh', 'below-knee'];

export interface PainCheck {
  at: string;
  score: number;
}

export interface RedFlagResult {
  at: string;
  positive: string[];
  tier: Tier;
}

export interface StepRecord {
  id: string;
  status: StepStatus;
  at: string;
}

export interface TherapySession {
  kind: TherapyKind;
  start: string;
  end: string;
}

/** What the person chose for cold/heat (`--therapy`, or asked): alternate = cold one session, heat the next. */
export type TherapyChoice = TherapyKind | 'alternate';

/**
 * Internal: where the guided walk-through of `spasm start` stands, so that a
 * later `spasm start` resumes it. Not part of the SPEC.md episode JSON.
 */
export interface WalkthroughProgress {
  startedAt: string;
  /** The step to do next; null when the walk-through reached its end. */
  next: string | null;
  /** The cold/heat kind of this walk-through, so a resume does the same one. */
  therapy: TherapyKind;
  /** The person's choice, kept for the episode's later sessions. */
  choice?: TherapyChoice;
}

/** A PSFS rating (clinical.md section 4): 0 = unable, 10 = as before the spasm. */
export interface FunctionScore {
  activity: string;
  score: number;
}

/** A quick diary entry (`spasm checkin`, SPEC.md section 4). Absent answers are null, never guessed. */
export interface Checkin {
  at: string;
  pain: number | null;
  function: FunctionScore[];
  medicines: string[];
  sleptBadly: boolean | null;
  missedWork: boolean | null;
  notes: string;
}

export interface Episode {
  id: string;
  onset: string;
  endedAt: string | null;
  source: 'start' | 'log';
  pain: PainCheck[];
  peakPain: number | null;
  triggers: string[];
  helped: string[];
  legs: Legs | null;
  notes: string;
  redFlags: RedFlagResult | null;
  steps: StepRecord[];
  therapy: TherapySession[];
  /** The PSFS activities the person chose (up to 3, in the order chosen); schema version 2. */
  activities: string[];
  checkins: Checkin[];
  /** Internal: every red-flag screen, oldest first (`redFlags` holds the latest), so no positive answer is lost. */
  redFlagHistory?: RedFlagResult[];
  /** Internal: walk-through progress, for resuming. */
  walkthrough?: WalkthroughProgress;
}

export interface RoutineSession {
  id: string;
  at: string;
  program: string;
  painBefore: number | null;
  painAfter: number | null;
  exercises: { id: string; status: StepStatus }[];
}

export type OnOff = 'on' | 'off';

/** `spasm config` keys (SPEC.md section 2). */
export interface Settings {
  /** A therapist's own program file, set with `spasm config set program <file>`. */
  program?: string;
  /** Printed on the report, for the therapist. */
  name?: string;
  /** Desktop notifications when a timed step ends. */
  notify?: OnOff;
  /** The default for `--voice`. */
  voice?: OnOff;
  /** A standing cold/heat preference, used by `start` within the protocol. */
  therapy?: TherapyChoice;
}

/** The whole store, `<data-dir>/spasm.json`. */
export interface StoreDoc {
  schemaVersion: number;
  episodes: Episode[];
  routineSessions: RoutineSession[];
  settings: Settings;
  /** Ids of deleted records, kept so that an id is never handed out twice. */
  retiredIds: string[];
}

/** 2 adds the episode's `activities` and `checkins` (src/store/migrate.ts). */
export const SCHEMA_VERSION = 2;

export function emptyStore(): StoreDoc {
  return { schemaVersion: SCHEMA_VERSION, episodes: [], routineSessions: [], settings: {}, retiredIds: [] };
}

/** A new episode with every list empty; the caller fills in what it knows. */
export function newEpisode(id: string, onset: string, source: Episode['source']): Episode {
  return { id, onset, endedAt: null, source, pain: [], peakPain: null, triggers: [], helped: [], legs: null, notes: '', redFlags: null, steps: [], therapy: [], activities: [], checkins: [] };
}

/** The highest pain score recorded, or null. */
export function peakOf(pain: PainCheck[]): number | null {
  return pain.length ? Math.max(...pain.map((p) => p.score)) : null;
}

/** Milliseconds of an ISO time; the store only holds valid ones (checked at the boundary). */
export function msOf(iso: string): number {
  return Date.parse(iso);
}

/**
 * An episode in exactly the JSON shape of SPEC.md section 4, for `log show`,
 * `log list` and `report`. The store may hold more (e.g. walk-through
 * progress); that stays internal, though `export` carries the whole record.
 */
export function episodeJson(e: Episode): Episode {
  return {
    id: e.id,
    onset: e.onset,
    endedAt: e.endedAt,
    source: e.source,
    pain: e.pain,
    peakPain: e.peakPain,
    triggers: e.triggers,
    helped: e.helped,
    legs: e.legs,
    notes: e.notes,
    redFlags: e.redFlags,
    steps: e.steps,
    therapy: e.therapy,
    activities: e.activities,
    checkins: e.checkins,
  };
}

/** A routine session in exactly the JSON shape of SPEC.md section 4 (`routine log --json`). */
export function sessionJson(s: RoutineSession): RoutineSession {
  return { id: s.id, at: s.at, program: s.program, painBefore: s.painBefore, painAfter: s.painAfter, exercises: s.exercises.map((e) => ({ id: e.id, status: e.status })) };
}
