// Table tests of the pure parsers: each broken input names the exact JSON path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirectory } from '../../src/data/index.js';
import {
  findUnknownSources,
  parseExercises,
  parseHomeProgram,
  parseLogOptions,
  parseProtocol,
  parseRedFlags,
} from '../../src/data/parse.js';
import { jsonPath, pointerToPath } from '../../src/core/json-path.js';
import type { ExerciseLibrary, ParseResult } from '../../src/data/types.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fixture = (file: string): Json => JSON.parse(readFileSync(join(dataDirectory(), file), 'utf8')) as Json;

function errorsOf(result: ParseResult<unknown>): string[] {
  return result.ok ? [] : result.errors;
}

function valueOf<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const library: ExerciseLibrary = valueOf(parseExercises(fixture('exercises.json')));

const exercise = (id: string): Json => ({
  id,
  name: 'Test stretch',
  position: 'Lie on your back.',
  instructions: ['Move gently.'],
  holdSeconds: 5,
  reps: { start: 2, max: 3 },
  sets: 1,
  perSide: false,
  timesPerDay: 2,
  restSeconds: 30,
  cautions: [],
  stopRule: 'Stop if it hurts.',
  sources: ['M1'],
});

describe('jsonPath and pointerToPath', () => {
  it.each([
    [[], '$'],
    [['exercises', 2, 'reps', 'start'], '$.exercises[2].reps.start'],
    [['advice', 'see-pt-persisting', 'text'], '$.advice["see-pt-persisting"].text'],
    [['$schema'], '$["$schema"]'],
  ] as const)('%j → %s', (segments, path) => {
    expect(jsonPath(segments)).toBe(path);
  });

  it.each([
    ['', undefined, '$'],
    ['/exercises/2/reps/start', undefined, '$.exercises[2].reps.start'],
    ['/exercises/0', 'colour', '$.exercises[0].colour'],
    ['/a~1b/c~0d', undefined, '$["a/b"]["c~d"]'],
  ] as const)('%s (+%s) → %s', (pointer, extra, path) => {
    expect(pointerToPath(pointer, extra)).toBe(path);
  });
});

describe('parseExercises', () => {
  const base = () => fixture('exercises.json');
  it('refuses what is not an object', () => {
    expect(errorsOf(parseExercises([]))).toEqual(['$: must be an object']);
    expect(errorsOf(parseExercises(null))).toEqual(['$: must be an object']);
  });

  it.each<[string, (j: Json) => unknown, string[]]>([
    ['a wrong type', (j) => (j.exercises[0].holdSeconds = '5'), ['$.exercises[0].holdSeconds: must be a whole number']],
    ['a fraction', (j) => (j.exercises[0].sets = 1.5), ['$.exercises[0].sets: must be a whole number']],
    ['a missing field', (j) => delete j.exercises[2].name, ['$.exercises[2].name: is required']],
    ['an extra property', (j) => (j.exercises[1].colour = 'red'), ['$.exercises[1].colour: is not an allowed property']],
    ['an empty text', (j) => (j.exercises[0].position = ''), ['$.exercises[0].position: must not be empty']],
    ['a long name', (j) => (j.exercises[0].name = 'x'.repeat(41)), ['$.exercises[0].name: must be at most 40 characters']],
    ['empty sources', (j) => { j.exercises[3].sources = []; }, ['$.exercises[3].sources: must not be empty']],
    ['a bad source key', (j) => { j.exercises[3].sources = ['m1']; }, ['$.exercises[3].sources[0]: must be a source key of capital letters and digits, like "NHSI", or "design"']],
    ['a bad id', (j) => (j.exercises[0].id = 'Pelvic Tilt'), ['$.exercises[0].id: must be an id of lowercase letters, digits and single hyphens, like "knee-rolls"']],
    ['zero reps', (j) => (j.exercises[0].reps.start = 0), ['$.exercises[0].reps.start: must be at least 1']],
    ['reps.start > reps.max', (j) => (j.exercises[2].reps = { start: 6, max: 5 }), ['$.exercises[2].reps.start: must not be greater than reps.max (5)']],
    ['a duplicate id', (j) => (j.exercises[4].id = j.exercises[1].id), ['$.exercises[4].id: duplicate id "pelvic-tilt" (also at $.exercises[1].id)']],
    ['two problems', (j) => { delete j.stopRule; j.exercises[0].perSide = 'yes'; }, ['$.stopRule: is required', '$.exercises[0].perSide: must be true or false']],
  ])('refuses %s', (_name, mutate, expected) => {
    const json = base();
    mutate(json);
    expect(errorsOf(parseExercises(json))).toEqual(expected);
  });

  it('indexes the exercises by id', () => {
    expect(library.byId.get('knee-rolls')?.perSide).toBe(true);
  });
});

describe('parseHomeProgram', () => {
  const base = () => fixture('program.json');
  it.each<[string, (j: Json) => void, string[]]>([
    ['an unknown exercise', (j) => (j.exercises[1] = { exercise: 'handstand' }), ['$.exercises[1].exercise: unknown exercise "handstand"']],
    ['an extra property on a reference', (j) => (j.exercises[0].colour = 'red'), ['$.exercises[0].colour: is not an allowed property']],
    ['an override of the wrong type', (j) => (j.exercises[0].holdSeconds = 'long'), ['$.exercises[0].holdSeconds: must be a whole number']],
    ['an override with reps.start > reps.max', (j) => (j.exercises[2].reps = { start: 9, max: 4 }), ['$.exercises[2].reps.start: must not be greater than reps.max (4)']],
    ['an inline exercise with a missing field', (j) => { const e = exercise('wall-sit'); delete e.reps; j.exercises.push(e); }, ['$.exercises[7].reps: is required']],
    ['an inline exercise with reps.start > reps.max', (j) => { const e = exercise('wall-sit'); e.reps = { start: 4, max: 2 }; j.exercises.push(e); }, ['$.exercises[7].reps.start: must not be greater than reps.max (2)']],
    ['a duplicate exercise', (j) => j.exercises.push({ exercise: 'pelvic-tilt' }), ['$.exercises[7].exercise: duplicate id "pelvic-tilt" (also at $.exercises[0].exercise)']],
    ['an inline exercise with a library entry\'s id twice', (j) => j.exercises.push(exercise('cat-cow')), ['$.exercises[7].id: duplicate id "cat-cow" (also at $.exercises[4].exercise)']],
    ['no exercises', (j) => (j.exercises = []), ['$.exercises: must not be empty']],
    ['a missing progression field', (j) => delete j.progression.everyDays, ['$.progression.everyDays: is required']],
    ['addReps of the wrong type', (j) => (j.progression.addReps = '2'), ['$.progression.addReps: must be a whole number or an object']],
    ['addReps.min > addReps.max', (j) => (j.progression.addReps = { min: 3, max: 1 }), ['$.progression.addReps.min: must not be greater than addReps.max (1)']],
    ['an extra top-level property', (j) => (j.author = 'me'), ['$.author: is not an allowed property']],
  ])('refuses %s', (_name, mutate, expected) => {
    const json = base();
    mutate(json);
    expect(errorsOf(parseHomeProgram(json, library))).toEqual(expected);
  });

  it('resolves references, applies overrides and keeps inline exercises', () => {
    const json = base();
    json.exercises = [{ exercise: 'pelvic-tilt', holdSeconds: 3, reps: { start: 4, max: 8 } }, exercise('wall-sit')];
    json.progression.addReps = 1;
    const program = valueOf(parseHomeProgram(json, library));
    const tilt = library.byId.get('pelvic-tilt')!;
    expect(program.exercises[0]).toEqual({ ...tilt, holdSeconds: 3, reps: { start: 4, max: 8 } });
    expect(program.exercises[1]).toEqual(exercise('wall-sit'));
    expect(program.progression.addReps).toEqual({ min: 1, max: 1 });
    expect(program).not.toHaveProperty('$schema');
  });
});

describe('parseProtocol', () => {
  const base = () => fixture('protocol.json');
  const stepIndex = (j: Json, id: string): number => j.steps.findIndex((s: Json) => s.id === id);
  it.each<[string, (j: Json) => void, string[]]>([
    ['a missing threshold', (j) => delete j.thresholds.coldUntilHours, ['$.thresholds.coldUntilHours: is required']],
    ['a threshold of the wrong type', (j) => (j.thresholds.therapyMinutes = '20'), ['$.thresholds.therapyMinutes: must be a number']],
    ['an extra threshold', (j) => (j.thresholds.iceHours = 1), ['$.thresholds.iceHours: is not an allowed property']],
    ['a missing advice text', (j) => delete j.advice['see-pt-persisting'].suggestText, ['$.advice["see-pt-persisting"].suggestText: is required']],
    ['a missing step', (j) => j.steps.splice(stepIndex(j, 'heat'), 1), ['$.steps: step "heat" is missing']],
    ['an unknown step', (j) => (j.steps[1].id = 'nap'), ['$.steps[1].id: unknown step "nap" (the steps are rest-position, breathing, cold, heat, stretches, straighten-up, walking)', '$.steps: step "breathing" is missing']],
    ['a duplicate step', (j) => (j.steps[3] = { ...j.steps[2] }), ['$.steps[3].id: duplicate id "cold" (also at $.steps[2].id)', '$.steps: step "heat" is missing']],
    ['steps out of order', (j) => j.steps.reverse(), ['$.steps: must be in the order rest-position, breathing, cold, heat, stretches, straighten-up, walking']],
    ['a bad timer', (j) => (j.steps[2].timer = 'toast'), ['$.steps[2].timer: must be one of null, "breathe", "cold", "heat"']],
    ['a cold step with the heat timer', (j) => (j.steps[2].timer = 'heat'), ['$.steps[2].timer: must be "cold" for step "cold"']],
    ['a heat step with other minutes', (j) => (j.steps[3].minutes = 15), ['$.steps[3].minutes: must equal thresholds.therapyMinutes (20)']],
    ['a title too long', (j) => (j.steps[0].title = 'x'.repeat(41)), ['$.steps[0].title: must be at most 40 characters']],
    ['an unknown stretch', (j) => (j.steps[4].exercises = ['pelvic-tilt', 'backflip']), ['$.steps[4].exercises[1]: unknown exercise "backflip"']],
    ['min interval above max', (j) => (j.thresholds.therapyIntervalMinHours = 3), ['$.thresholds.therapyIntervalMinHours: must not be greater than therapyIntervalMaxHours (2)']],
  ])('refuses %s', (_name, mutate, expected) => {
    const json = base();
    mutate(json);
    expect(errorsOf(parseProtocol(json, library))).toEqual(expected);
  });

  it('checks stretch ids only when given the library', () => {
    const json = base();
    json.steps[4].exercises = ['backflip'];
    expect(errorsOf(parseProtocol(json))).toEqual([]);
  });
});

describe('parseRedFlags', () => {
  const base = () => fixture('red-flags.json');
  it.each<[string, (j: Json) => void, string[]]>([
    ['an unknown tier', (j) => (j.flags[0].tier = 'urgent'), ['$.flags[0].tier: must be one of "emergency", "same-day"']],
    ['a missing question', (j) => delete j.flags[13].question, ['$.flags[13].question: is required']],
    ['a long checklist label', (j) => (j.flags[2].short = 'x'.repeat(41)), ['$.flags[2].short: must be at most 40 characters']],
    ['a missing tier', (j) => delete j.tiers['same-day'], ['$.tiers["same-day"]: is required']],
    ['a duplicate id', (j) => (j.flags[9].id = 'fever'), ['$.flags[9].id: duplicate id "fever" (also at $.flags[8].id)']],
    ['the reserved id "none"', (j) => (j.flags[0].id = 'none'), ['$.flags[0].id: "none" is reserved']],
  ])('refuses %s', (_name, mutate, expected) => {
    const json = base();
    mutate(json);
    expect(errorsOf(parseRedFlags(json))).toEqual(expected);
  });
});

describe('parseLogOptions', () => {
  const base = () => fixture('log-options.json');
  it.each<[string, (j: Json) => void, string[]]>([
    ['a duplicate trigger', (j) => (j.triggers[1].id = 'bending'), ['$.triggers[1].id: duplicate id "bending" (also at $.triggers[0].id)']],
    ['an unknown step', (j) => (j.helped[0].step = 'nap'), ['$.helped[0].step: unknown step "nap" (the steps are rest-position, breathing, cold, heat, stretches, straighten-up, walking)']],
    ['an unknown leg spread', (j) => (j.legs[3].id = 'foot'), ['$.legs[3].id: must be one of "none", "buttock", "thigh", "below-knee"']],
    ['a missing label', (j) => delete j.helped[2].label, ['$.helped[2].label: is required']],
  ])('refuses %s', (_name, mutate, expected) => {
    const json = base();
    mutate(json);
    expect(errorsOf(parseLogOptions(json))).toEqual(expected);
  });
});

describe('findUnknownSources', () => {
  it('names each unknown key with its path', () => {
    const known = new Map([['M1', 'Mayo']]);
    const json = { a: { sources: ['M1', 'X9'] }, list: [{ sources: [3] }] };
    expect(findUnknownSources(json, known)).toEqual(['$.a.sources[1]: unknown source "X9"', '$.list[0].sources[0]: unknown source 3']);
  });
});
