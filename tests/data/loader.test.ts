// The loader: where data/ is found, and how a user's program file is refused.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { dataDirectory, loadExercises, loadHomeProgram } from '../../src/data/index.js';
import checkedTexts from '../../src/data/generated/checked.json' with { type: 'json' };

const tmp = mkdtempSync(join(tmpdir(), 'spasm-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function thrown(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

const program = {
  id: 'my-pt',
  name: 'From my physio',
  description: 'Two stretches, twice a day.',
  exercises: [{ exercise: 'pelvic-tilt', reps: { start: 8, max: 12 } }, { exercise: 'cat-cow' }],
  progression: { addReps: 1, everyDays: 4, requireCleanSessions: 2, sources: ['NHSI'] },
  sources: ['NHSI'],
};

describe('the checked texts of the shipped data (scripts/compile-schemas.mjs)', () => {
  it('are the files as they are, every one, so the loader skips their check', () => {
    expect(Object.keys(checkedTexts).sort()).toEqual(['exercises.json', 'log-options.json', 'program.json', 'protocol.json', 'red-flags.json', 'sources.json']);
    for (const [name, text] of Object.entries(checkedTexts)) expect(text).toBe(readFileSync(join(dataDirectory(), name), 'utf8'));
  });
});

describe('an edited built-in file', () => {
  it('is checked in full by the built program, and refused when it breaks its schema', () => {
    const copy = mkdtempSync(join(tmp, 'install-'));
    for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(new URL(`../../${part}`, import.meta.url), join(copy, part), { recursive: true });
    const file = join(copy, 'data', 'exercises.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.exercises[0].holdSeconds = -5;
    writeFileSync(file, JSON.stringify(json, null, 2));
    const run = spawnSync(process.execPath, [join(copy, 'bin', 'spasm.js'), 'exercises'], { env: { ...process.env, SPASM_DATA_DIR: join(copy, 'store') }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('spasm: the built-in data file data/exercises.json is invalid\n$.exercises[0].holdSeconds: must be at least 0\n');
  });
});

describe('dataDirectory', () => {
  it('finds data/ relative to the module, not the working directory', () => {
    expect(dataDirectory()).toMatch(/[/\\]data[/\\]?$/);
    expect(existsSync(join(dataDirectory(), 'protocol.json'))).toBe(true);
  });
});

describe('loadHomeProgram', () => {
  it('loads the default program with its entries resolved', () => {
    const p = loadHomeProgram();
    expect(p.id).toBe('default');
    expect(p.exercises[0]).toEqual(loadExercises().byId.get(p.exercises[0]!.id));
    expect(loadHomeProgram()).toBe(p);
  });

  it("loads a user's program file and applies overrides", () => {
    const p = loadHomeProgram(write('mine.json', program));
    expect(p.id).toBe('my-pt');
    expect(p.exercises.map((e) => [e.id, e.reps.start])).toEqual([['pelvic-tilt', 8], ['cat-cow', 5]]);
    expect(p.progression.addReps).toEqual({ min: 1, max: 1 });
  });

  it('refuses a missing file', () => {
    const path = join(tmp, 'nope.json');
    const error = thrown(() => loadHomeProgram(path));
    expect(error.message).toBe(`cannot read program file "${path}": there is no such file`);
    expect(error.exitCode).toBe(2);
  });

  it('refuses a directory', () => {
    const path = join(tmp, 'dir.json');
    mkdirSync(path);
    expect(thrown(() => loadHomeProgram(path)).message).toBe(`cannot read program file "${path}": it is a directory`);
  });

  it('refuses a file that is not JSON', () => {
    const path = write('broken.json', '{ "id": ');
    // Where, never what: the file's text is not quoted.
    expect(thrown(() => loadHomeProgram(path)).message).toBe(`program file "${path}" is not valid JSON: a syntax error at line 1, column 9`);
  });

  it('refuses an invalid file, naming each problem path in the hint', () => {
    const bad = { ...program, exercises: [{ exercise: 'handstand' }, { exercise: 'cat-cow', sets: 0 }] };
    delete (bad as Partial<typeof program>).description;
    const path = write('bad.json', bad);
    const error = thrown(() => loadHomeProgram(path));
    expect(error.message).toBe(`program file "${path}" is invalid`);
    expect(error.hint?.split('\n')).toEqual(['$.description: is required', '$.exercises[1].sets: must be at least 1']);
  });

  it('reports unknown exercises once the shape is right', () => {
    const path = write('unknown.json', { ...program, exercises: [{ exercise: 'handstand' }] });
    expect(thrown(() => loadHomeProgram(path)).hint).toBe('$.exercises[0].exercise: unknown exercise "handstand"');
  });
});
