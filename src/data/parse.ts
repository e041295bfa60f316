/**
 * Pure parsers for the files in data/ (and a user's program file): JSON in,
 * typed value or a list of "<JSON path>: <problem>" out. No fs here; the
 * loader in ./index.ts reads the files. The shape is checked by validators
 * precompiled from data/schema/ (scripts/compile-schemas.mjs); what a JSON
 * Schema cannot say (unique ids, references, start ≤ max) is checked below.
 */
import { createRequire } from 'node:module';
import { jsonPath, schemaErrors, type Segment, type Validator } from '../core/json-path.js';

type ValidatorName = 'validateProtocol' | 'validateRedFlags' | 'validateExercises' | 'validateProgram' | 'validateLogOptions' | 'validateSources';

// The precompiled validators (scripts/compile-schemas.mjs) are a large module
// that the built-in files rarely need: the build checked them and kept
// their texts (see ./index.ts). So they are loaded, synchronously, only
// when a file must be checked: a user's program file or an edited data file.
// The build copies the module next to the bundle (dist/generated/).
const loadModule = createRequire(import.meta.url);
let validators: Record<ValidatorName, Validator> | undefined;

/** Problems with `json`'s shape, or none when the build already checked these exact bytes. */
function shapeErrors(name: ValidatorName, json: unknown, schemaChecked: boolean): string[] {
  if (schemaChecked) return [];
  validators ??= loadModule('./generated/validators.cjs') as Record<ValidatorName, Validator>;
  return schemaErrors(validators[name], json);
}
import {
  STEP_IDS,
  type Exercise,
  type ExerciseLibrary,
  type HomeProgram,
  type LogOptions,
  type ParseResult,
  type Progression,
  type Protocol,
  type RedFlagScreen,
  type Reps,
  type SourceList,
  type Step,
} from './types.js';

type Json = Record<string, unknown>;

function fail<T>(errors: string[]): ParseResult<T> {
  return { ok: false, errors };
}

/** Reports ids that appear twice; `items` are [id, path segments of the id]. */
function duplicateIds(items: ReadonlyArray<readonly [string, readonly Segment[]]>): string[] {
  // The paths are written out only for a duplicate: this runs on every start.
  const seen = new Map<string, readonly Segment[]>();
  const errors: string[] = [];
  for (const [id, segments] of items) {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, segments);
    else errors.push(`${jsonPath(segments)}: duplicate id "${id}" (also at ${jsonPath(first)})`);
  }
  return errors;
}

/** An exercise counted in breaths needs a breath of at least 1 s, and has no sides. */
function breathErrors(e: Pick<Exercise, 'eachRep' | 'holdSeconds' | 'perSide' | 'holds'>, segments: readonly Segment[]): string[] {
  if (e.eachRep !== 'breath') return [];
  const errors: string[] = [];
  if (e.holdSeconds < 1) errors.push(`${jsonPath([...segments, 'holdSeconds'])}: must be at least 1 for an exercise counted in breaths (eachRep "breath")`);
  if (e.perSide) errors.push(`${jsonPath([...segments, 'perSide'])}: must be false for an exercise counted in breaths (eachRep "breath")`);
  if (e.holds) errors.push(`${jsonPath([...segments, 'holds'])}: an exercise counted in breaths has no positions to hold (eachRep "breath")`);
  return errors;
}

function repsErrors(reps: Reps, segments: readonly Segment[]): string[] {
  return reps.start > reps.max
    ? [`${jsonPath([...segments, 'start'])}: must not be greater than reps.max (${reps.max})`]
    : [];
}

function withoutSchemaKey(json: unknown): Json {
  const { $schema: _ignored, ...rest } = json as Json;
  return rest;
}

/**
 * data/protocol.json. With `library`, the `stretches` step's exercise ids are
 * checked against it (the loader always passes it).
 */
export function parseProtocol(json: unknown, library?: ExerciseLibrary, schemaChecked = false): ParseResult<Protocol> {
  const errors = shapeErrors('validateProtocol', json, schemaChecked);
  if (errors.length > 0) return fail(errors);
  const protocol = withoutSchemaKey(json) as unknown as Protocol;
  const steps = protocol.steps;

  errors.push(...duplicateIds(steps.map((s, i) => [s.id, ['steps', i, 'id']] as const)));
  steps.forEach((step, i) => {
    if (!STEP_IDS.includes(step.id)) {
      errors.push(`${jsonPath(['steps', i, 'id'])}: unknown step "${step.id}" (the steps are ${STEP_IDS.join(', ')})`);
    }
  });
  for (const id of STEP_IDS) {
    if (!steps.some((s) => s.id === id)) errors.push(`$.steps: step "${id}" is missing`);
  }
  if (errors.length === 0 && steps.some((s, i) => s.id !== STEP_IDS[i])) {
    errors.push(`$.steps: must be in the order ${STEP_IDS.join(', ')}`);
  }

  // The walk-through relies on these pairings; a mismatch would show the wrong timer.
  const t = protocol.thresholds;
  steps.forEach((step, i) => {
    errors.push(...stepTimerErrors(step, i, t.therapyMinutes, protocol.breathing.minutes));
    step.exercises?.forEach((id, j) => {
      if (library && !library.byId.has(id)) {
        errors.push(`${jsonPath(['steps', i, 'exercises', j])}: unknown exercise "${id}"`);
      }
    });
    if (step.exercises) {
      errors.push(...duplicateIds(step.exercises.map((id, j) => [id, ['steps', i, 'exercises', j]] as const)));
    }
  });

  if (t.therapyIntervalMinHours > t.therapyIntervalMaxHours) {
    errors.push(`$.thresholds.therapyIntervalMinHours: must not be greater than therapyIntervalMaxHours (${t.therapyIntervalMaxHours})`);
  }
  if (t.persistingSuggestDays > t.persistingRecommendDays) {
    errors.push(`$.thresholds.persistingSuggestDays: must not be greater than persistingRecommendDays (${t.persistingRecommendDays})`);
  }
  return errors.length > 0 ? fail(errors) : { ok: true, value: protocol };
}

function stepTimerErrors(step: Step, i: number, therapyMinutes: number, breathingMinutes: number): string[] {
  const expected: Partial<Record<string, { timer: Step['timer']; phase: Step['phase']; minutes: number; from: string }>> = {
    breathing: { timer: 'breathe', phase: null, minutes: breathingMinutes, from: 'breathing.minutes' },
    cold: { timer: 'cold', phase: 'cold', minutes: therapyMinutes, from: 'thresholds.therapyMinutes' },
    heat: { timer: 'heat', phase: 'heat', minutes: therapyMinutes, from: 'thresholds.therapyMinutes' },
  };
  if (!STEP_IDS.includes(step.id)) return []; // already reported as an unknown step
  const want = expected[step.id];
  const errors: string[] = [];
  if (want) {
    if (step.timer !== want.timer) errors.push(`${jsonPath(['steps', i, 'timer'])}: must be ${JSON.stringify(want.timer)} for step "${step.id}"`);
    if (step.phase !== want.phase) errors.push(`${jsonPath(['steps', i, 'phase'])}: must be ${JSON.stringify(want.phase)} for step "${step.id}"`);
    if (step.minutes !== want.minutes) errors.push(`${jsonPath(['steps', i, 'minutes'])}: must equal ${want.from} (${want.minutes})`);
  } else {
    if (step.timer !== null) errors.push(`${jsonPath(['steps', i, 'timer'])}: must be null for step "${step.id}"`);
    if (step.phase !== null) errors.push(`${jsonPath(['steps', i, 'phase'])}: must be null for step "${step.id}"`);
  }
  if (step.id === 'stretches' && !step.exercises) errors.push(`${jsonPath(['steps', i, 'exercises'])}: is required for step "stretches"`);
  if (step.id !== 'stretches' && step.exercises) errors.push(`${jsonPath(['steps', i, 'exercises'])}: is only allowed on step "stretches"`);
  return errors;
}

/** data/red-flags.json */
export function parseRedFlags(json: unknown, schemaChecked = false): ParseResult<RedFlagScreen> {
  const errors = shapeErrors('validateRedFlags', json, schemaChecked);
  if (errors.length > 0) return fail(errors);
  const screen = withoutSchemaKey(json) as unknown as RedFlagScreen;
  errors.push(...duplicateIds(screen.flags.map((f, i) => [f.id, ['flags', i, 'id']] as const)));
  // `none` is the answer that no flag applies (`--red-flags none`), so no flag may take that id.
  screen.flags.forEach((f, i) => {
    if (f.id === 'none') errors.push(`${jsonPath(['flags', i, 'id'])}: "none" is reserved`);
  });
  return errors.length > 0 ? fail(errors) : { ok: true, value: screen };
}

/** data/exercises.json */
export function parseExercises(json: unknown, schemaChecked = false): ParseResult<ExerciseLibrary> {
  const errors = shapeErrors('validateExercises', json, schemaChecked);
  if (errors.length > 0) return fail(errors);
  const raw = withoutSchemaKey(json) as unknown as Omit<ExerciseLibrary, 'byId'>;
  errors.push(...duplicateIds(raw.exercises.map((e, i) => [e.id, ['exercises', i, 'id']] as const)));
  raw.exercises.forEach((e, i) => errors.push(...repsErrors(e.reps, ['exercises', i, 'reps']), ...breathErrors(e, ['exercises', i])));
  if (errors.length > 0) return fail(errors);
  const byId = new Map(raw.exercises.map((e) => [e.id, e]));
  return { ok: true, value: { ...raw, byId } };
}

interface ProgramReference {
  exercise: string;
  holdSeconds?: number;
  reps?: Reps;
  sets?: number;
}

interface RawProgram {
  id: string;
  name: string;
  description: string;
  exercises: Array<ProgramReference | Exercise>;
  progression: Omit<Progression, 'addReps'> & { addReps: number | { min: number; max: number } };
  walking?: { text: string; sources: string[] };
  precautions?: string[];
  precautionSources?: string[];
  sources: string[];
}

/**
 * data/program.json or a user's program file (same schema). Entries that name
 * a library exercise (`{"exercise": "pelvic-tilt", "reps": {...}}`) are
 * resolved into full exercises with the overrides applied.
 */
export function parseHomeProgram(json: unknown, library: ExerciseLibrary, schemaChecked = false): ParseResult<HomeProgram> {
  const errors = shapeErrors('validateProgram', json, schemaChecked);
  if (errors.length > 0) return fail(errors);
  const raw = withoutSchemaKey(json) as unknown as RawProgram;

  const exercises: Exercise[] = [];
  const ids: Array<readonly [string, readonly Segment[]]> = [];
  raw.exercises.forEach((entry, i) => {
    if ('exercise' in entry) {
      const base = library.byId.get(entry.exercise);
      if (!base) {
        errors.push(`${jsonPath(['exercises', i, 'exercise'])}: unknown exercise "${entry.exercise}"`);
        return;
      }
      const { exercise: _id, ...overrides } = entry;
      exercises.push({ ...base, ...overrides });
      ids.push([base.id, ['exercises', i, 'exercise']]);
      // Only the override can break start ≤ max: the library's own reps were checked when it was parsed.
      if (entry.reps) errors.push(...repsErrors(entry.reps, ['exercises', i, 'reps']));
      errors.push(...breathErrors({ ...base, ...overrides }, ['exercises', i]));
    } else {
      exercises.push(entry);
      ids.push([entry.id, ['exercises', i, 'id']]);
      errors.push(...repsErrors(entry.reps, ['exercises', i, 'reps']), ...breathErrors(entry, ['exercises', i]));
    }
  });
  errors.push(...duplicateIds(ids));

  const add = raw.progression.addReps;
  const addReps = typeof add === 'number' ? { min: add, max: add } : add;
  if (addReps.min > addReps.max) {
    errors.push(`$.progression.addReps.min: must not be greater than addReps.max (${addReps.max})`);
  }
  if (errors.length > 0) return fail(errors);
  return {
    ok: true,
    value: {
      id: raw.id,
      name: raw.name,
      description: raw.description,
      exercises,
      progression: { ...raw.progression, addReps },
      ...(raw.walking ? { walking: raw.walking } : {}),
      ...(raw.precautions ? { precautions: raw.precautions, precautionSources: raw.precautionSources } : {}),
      sources: raw.sources,
    },
  };
}

/** data/log-options.json */
export function parseLogOptions(json: unknown, schemaChecked = false): ParseResult<LogOptions> {
  const errors = shapeErrors('validateLogOptions', json, schemaChecked);
  if (errors.length > 0) return fail(errors);
  const options = withoutSchemaKey(json) as unknown as LogOptions;
  errors.push(...duplicateIds(options.triggers.map((o, i) => [o.id, ['triggers', i, 'id']] as const)));
  errors.push(...duplicateIds(options.helped.map((o, i) => [o.id, ['helped', i, 'id']] as const)));
  errors.push(...duplicateIds(options.legs.map((o, i) => [o.id, ['legs', i, 'id']] as const)));
  options.helped.forEach((o, i) => {
    if (o.step !== undefined && !STEP_IDS.includes(o.step)) {
      errors.push(`${jsonPath(['helped', i, 'step'])}: unknown step "${o.step}" (the steps are ${STEP_IDS.join(', ')})`);
    }
  });
  return errors.length > 0 ? fail(errors) : { ok: true, value: options };
}

/** data/sources.json: source key → citation. */
export function parseSources(json: unknown, schemaChecked = false): ParseResult<SourceList> {
  const errors = shapeErrors('validateSources', json, schemaChecked);
  if (errors.length > 0) return fail(errors);
  return { ok: true, value: new Map(Object.entries(withoutSchemaKey(json) as Record<string, string>)) };
}

/** In a `sources` list: our own design choice, not a source of the list. */
export const DESIGN = 'design';

/**
 * Every `sources` array anywhere in `json` whose keys are not in `known`,
 * as "<path>: unknown source "XX"". Lets a test (or a future `data check`)
 * tie each item to clinical.md's source list.
 */
export function findUnknownSources(json: unknown, known: SourceList): string[] {
  const errors: string[] = [];
  const walk = (value: unknown, segments: Segment[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...segments, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        // `sources` and `…Sources` lists; "design" marks our own design choice, not a source.
        if ((key === 'sources' || key.endsWith('Sources')) && Array.isArray(child)) {
          child.forEach((source, i) => {
            if (typeof source !== 'string' || (source !== DESIGN && !known.has(source))) {
              errors.push(`${jsonPath([...segments, key, i])}: unknown source ${JSON.stringify(source)}`);
            }
          });
        } else {
          walk(child, [...segments, key]);
        }
      }
    }
  };
  walk(json, []);
  return errors;
}
