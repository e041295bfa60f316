import { describe, expect, it } from 'vitest';
import { exercisesList, exercisesShow } from '../../src/commands/exercises.js';
import { loadExercises, loadSources } from '../../src/data/index.js';
import { UsageError } from '../../src/errors.js';
import { fakeDeps } from '../helpers/fake-deps.js';

const now = '2026-11-27T08:00:00+01:00';
const library = loadExercises();

async function usageError(p: Promise<unknown>): Promise<UsageError> {
  const e = await p.then(() => undefined, (error: unknown) => error);
  if (!(e instanceof UsageError)) throw new Error('expected a UsageError');
  return e;
}

describe('spasm exercises', () => {
  it('lists every exercise: id, name and dose in aligned columns within 80', async () => {
    const f = fakeDeps({ now });
    await exercisesList({}, f.deps);
    const lines = f.stdout().trimEnd().split('\n');
    for (const e of library.exercises) {
      const line = lines.find((l) => l.startsWith(`${e.id} `));
      expect(line).toContain(e.name);
      const range = `${e.reps.start}–${e.reps.max}`;
      // Belly breathing counts breaths, never held (data: eachRep "breath").
      expect(line).toContain(e.eachRep === 'breath' ? `${range} breaths of ${e.holdSeconds} s` : `hold ${e.holdSeconds} s, ${range} reps`);
    }
    expect(lines.find((l) => l.startsWith('diaphragmatic-breathing '))).toContain('10–60 breaths of 10 s');
    const rows = lines.slice(0, library.exercises.length);
    expect(new Set(rows.map((l) => l.search(/(hold )?\d+(–\d+)? (reps|breaths)|hold /))).size).toBe(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    expect(f.stdout()).toContain('spasm exercises show <id>');
  });

  it('falls back to two lines per exercise when the columns do not fit', async () => {
    const f = fakeDeps({ now, columns: 50 });
    await exercisesList({}, f.deps);
    expect(f.stdout()).toContain('pelvic-tilt  Pelvic tilt\n    hold 5 s, 5–15 reps\n');
  });

  it('--json prints the library exercises array', async () => {
    const f = fakeDeps({ now });
    await exercisesList({ json: true }, f.deps);
    expect(JSON.parse(f.stdout())).toEqual(library.exercises);
  });
});

describe('spasm exercises show', () => {
  it('prints one exercise in full: position, steps, dose, cautions, stop rule, sources with citations', async () => {
    const f = fakeDeps({ now });
    await exercisesShow({}, f.deps, 'hamstring-stretch');
    const e = library.byId.get('hamstring-stretch')!;
    const out = f.stdout();
    expect(out.startsWith('Hamstring stretch\nStart: Lie on your back')).toBe(true);
    expect(out).toContain(' 1. Loop the towel behind one thigh.\n 2. Slowly straighten');
    expect(out).toContain('Hold 30 s · 2 reps on each side');
    expect(out).toContain('Note: Stretch to a mild pull only.');
    expect(out).toContain('! Stop if the pain gets worse or spreads down your leg');
    expect(out).toContain('Start with 2 reps on each side, and build up slowly to 3. Up to 2 times a day.');
    // A long web address is broken after a "/" onto an indented line; joined again it is the citation.
    const joined = out.replace(/\/\n {8}/g, '/');
    for (const key of e.sources) expect(joined).toContain(`  ${key.padEnd(5)} ${loadSources().get(key)}\n`);
  });

  it('every exercise, web addresses too, fits 80 columns', async () => {
    for (const e of library.exercises) {
      const f = fakeDeps({ now });
      await exercisesShow({}, f.deps, e.id);
      for (const line of f.stdout().split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    }
  });

  it('accepts a unique start of an id', async () => {
    const f = fakeDeps({ now });
    await exercisesShow({}, f.deps, 'piri');
    expect(f.stdout()).toContain('Buttock stretch (figure 4)');
  });

  it('--json prints the exercise', async () => {
    const f = fakeDeps({ now });
    await exercisesShow({ json: true }, f.deps, 'cat-cow');
    expect(JSON.parse(f.stdout())).toEqual(library.byId.get('cat-cow'));
  });

  it.each([
    ['pelvik-tilt', 'no exercise "pelvik-tilt"', 'did you mean: pelvic-tilt?'],
    ['knee', 'no exercise "knee" (more than one starts so)', 'did you mean: knee-to-chest-single, knee-to-chest-double, knee-rolls?'],
    ['hamstrings', 'no exercise "hamstrings"', 'did you mean: hamstring-stretch?'],
    ['handstand', 'no exercise "handstand"', 'see the list: spasm exercises'],
  ])('an unknown id %s → exit 2 with close ids or the list', async (input, message, hint) => {
    const error = await usageError(exercisesShow({}, fakeDeps({ now }).deps, input));
    expect([error.message, error.hint, error.exitCode]).toEqual([message, hint, 2]);
  });
});
