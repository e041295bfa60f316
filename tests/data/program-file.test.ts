// A therapist's own program file: the example in docs/program-file.md parses,
// and what a hand-written file gets wrong is named by its JSON path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHomeProgram } from '../../src/data/parse.js';
import { loadExercises } from '../../src/data/index.js';
import type { ParseResult } from '../../src/data/types.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const doc = readFileSync(new URL('../../docs/program-file.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
const example = (): Json => JSON.parse(blocks[0]!) as Json;
const errorsOf = (r: ParseResult<unknown>) => (r.ok ? [] : r.errors);

describe('docs/program-file.md', () => {
  it('holds one JSON example, and it is a valid program', () => {
    expect(blocks).toHaveLength(1);
    const result = parseHomeProgram(example(), loadExercises());
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.value.exercises.map((e) => [e.id, e.reps.start])).toEqual([['pelvic-tilt', 6], ['knee-rolls', 4], ['wall-slide', 3]]);
  });

  it('shows error lines the parser really prints', () => {
    const json = example();
    json.exercises[0].sets = 0;
    delete json.progression.everyDays;
    const errors = errorsOf(parseHomeProgram(json, loadExercises()));
    expect(errors).toEqual(['$.exercises[0].sets: must be at least 1', '$.progression.everyDays: is required']);
    expect(doc).toContain(`spasm: program file my-program.json is invalid\n${errors.join('\n')}\n`);
  });
});

describe('README.md', () => {
  it('its example program file is valid', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const [block] = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const result = parseHomeProgram(JSON.parse(block!), loadExercises());
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.value.exercises.map((e) => [e.id, e.reps.start])).toEqual([['pelvic-tilt', 6], ['knee-rolls', 4]]);
  });
});

describe('a user program file that is wrong', () => {
  it.each<[string, (j: Json) => void, string[]]>([
    ['exercises not a list', (j) => (j.exercises = 'pelvic-tilt'), ['$.exercises: must be an array']],
    ['an id of the wrong type', (j) => (j.id = 7), ['$.id: must be a string']],
    ['a missing id', (j) => delete j.id, ['$.id: is required']],
    ['a missing description', (j) => delete j.description, ['$.description: is required']],
    ['missing sources', (j) => delete j.sources, ['$.sources: is required']],
    ['a name too long', (j) => (j.name = 'x'.repeat(61)), ['$.name: must be at most 60 characters']],
    ['everyDays of 0', (j) => (j.progression.everyDays = 0), ['$.progression.everyDays: must be at least 1']],
    ['requireCleanSessions as text', (j) => (j.progression.requireCleanSessions = 'two'), ['$.progression.requireCleanSessions: must be a whole number']],
    ['an inline exercise with reps as a number', (j) => (j.exercises[2].reps = 5), ['$.exercises[2].reps: must be an object']],
    ['an inline exercise without a stop rule', (j) => delete j.exercises[2].stopRule, ['$.exercises[2].stopRule: is required']],
    ['an inline exercise with perSide as text', (j) => (j.exercises[2].perSide = 'no'), ['$.exercises[2].perSide: must be true or false']],
    ['a reference with sets 0', (j) => (j.exercises[0].sets = 0), ['$.exercises[0].sets: must be at least 1']],
    ['an unknown exercise reference', (j) => (j.exercises[1].exercise = 'knee-roll'), ['$.exercises[1].exercise: unknown exercise "knee-roll"']],
    ['the same library exercise twice', (j) => (j.exercises[1].exercise = 'pelvic-tilt'), ['$.exercises[1].exercise: duplicate id "pelvic-tilt" (also at $.exercises[0].exercise)']],
    ['two inline exercises with one id', (j) => j.exercises.push({ ...j.exercises[2] }), ['$.exercises[3].id: duplicate id "wall-slide" (also at $.exercises[2].id)']],
    ['an inline exercise taking a library id used by a reference', (j) => (j.exercises[2].id = 'knee-rolls'), ['$.exercises[2].id: duplicate id "knee-rolls" (also at $.exercises[1].exercise)']],
  ])('%s', (_name, mutate, expected) => {
    const json = example();
    mutate(json);
    expect(errorsOf(parseHomeProgram(json, loadExercises()))).toEqual(expected);
  });
});
