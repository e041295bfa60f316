import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routine, routineLog } from '../../src/commands/routine.js';
import type { RoutineSession } from '../../src/core/records.js';
import { loadExercises, loadHomeProgram } from '../../src/data/index.js';
import { InterruptedError, UsageError } from '../../src/errors.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { next } from '../helpers/answer.js';
import { useScreen } from '../helpers/screen.js';

const screen = useScreen();

const now = '2026-11-27T08:00:00+01:00';
const program = loadHomeProgram();
const ids = program.exercises.map((e) => e.id);
const allDone = { handsFree: true, painBefore: '3', painAfter: '2' };

async function thrown(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => new Error('expected it to throw'), (e: unknown) => e);
}

function session(id: string, at: string, painBefore: number | null, painAfter: number | null, status: 'done' | 'stopped' = 'done'): RoutineSession {
  return { id, at, program: 'default', painBefore, painAfter, exercises: ids.map((e) => ({ id: e, status })) };
}

describe('spasm routine, hands-free', () => {
  it('runs every exercise and records the session of SPEC §4', async () => {
    const f = fakeDeps({ now });
    await routine(allDone, f.deps);
    const doc = await f.deps.store.read();
    expect(doc.sessions()).toEqual([
      { id: expect.stringMatching(/^r[2-9a-hjkmnp-z]{4}$/), at: now, program: 'default', painBefore: 3, painAfter: 2, exercises: ids.map((id) => ({ id, status: 'done' })) },
    ]);
    const out = f.stdout();
    expect(out).toContain('! Stop any exercise that makes your pain worse');
    expect(out).toContain('Press Ctrl-C to stop');
    expect(out).toContain(`Exercise 1 of ${ids.length}\nPelvic tilt`);
    expect(out).toContain(`Exercises: ${ids.length} of ${ids.length} done.\nPain: 3 before, 2 after (down 1).`);
    expect(out).not.toContain('spasm log');
    // Every hold is counted: 5 pelvic tilts of 5 s, then 2 knee-to-chest a side (clinical.md section 3), each after time to get into position.
    expect(f.stderr()).toContain('Rep 5/5: hold 5 s\nGet into position for Knee to chest (one leg): 10 s.\nRep 1/2 · left side: hold 5 s\nRep 1/2 · right side: hold 5 s');
    // Cat and cow holds two positions each repetition, each named, each one slow breath (10 s).
    expect(f.stderr()).toContain('Rep 1/5 · back rounded up: hold 10 s\nRep 1/5 · back sagging: hold 10 s\nRep 2/5 · back rounded up: hold 10 s');
    expect(out).toContain('Hold 10 s in each of 2 positions · 5 reps');
    // Walking built up over weeks, and the precautions, at the start.
    expect(out.replace(/\s+/g, ' ')).toContain('add a few minutes each week');
    expect(out.replace(/\s+/g, ' ')).toContain('After a hip replacement');
  });

  it('takes the time the holds take (fake clock)', async () => {
    const f = fakeDeps({ now });
    await routine(allDone, f.deps);
    expect(f.clock.now().getTime() - Date.parse(now)).toBeGreaterThan(5 * 60_000);
  });

  it('raises a dose after clean sessions, and says so', async () => {
    const f = fakeDeps({ now });
    await f.deps.store.update((doc) => {
      doc.sessions().push(session('raaaa', '2026-11-23T08:00:00+01:00', 2, 2), session('rbbbb', '2026-11-24T08:00:00+01:00', 2, 2));
    });
    await routine(allDone, f.deps);
    expect(f.stdout()).toContain('Exercise 1 of 7 · 6 reps today, up from 5: your last sessions went well\nPelvic tilt');
    expect(f.stdout()).toContain('Hold 5 s · 6 reps');
  });

  it('holds the dose after a session with a stop', async () => {
    const f = fakeDeps({ now });
    await f.deps.store.update((doc) => {
      doc.sessions().push(session('raaaa', '2026-11-23T08:00:00+01:00', 2, 2), session('rbbbb', '2026-11-24T08:00:00+01:00', 2, 2, 'stopped'));
    });
    await routine(allDone, f.deps);
    expect(f.stdout()).not.toContain('up from');
    expect(f.stdout()).toContain('Hold 5 s · 5 reps');
  });

  it('Ctrl-C in a hold saves the exercises so far, the current one stopped, and exits 130', async () => {
    const f = fakeDeps({ now });
    const sleep = f.deps.clock.sleep;
    let holds = 0;
    f.deps.clock.sleep = async (ms, signal) => {
      // Pelvic tilt: 25 s to get down, 5 holds (and 5 relaxes); interrupt in the second exercise, after its 10 s to get ready.
      if (ms === 1000 && ++holds === 25 + 5 * 8 + 10 + 3) f.interrupt.abort();
      return sleep(ms, signal);
    };
    const error = await thrown(routine(allDone, f.deps));
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).exitCode).toBe(130);
    const [stored] = (await f.deps.store.read()).sessions();
    expect(stored!.exercises).toEqual([{ id: 'pelvic-tilt', status: 'done' }, { id: 'knee-to-chest-single', status: 'stopped' }]);
    expect(stored!.painAfter).toBeNull();
    expect((error as InterruptedError).message).toBe(`Stopped. Saved session ${stored!.id}: 1 done, 0 skipped, 1 stopped.`);
  });
});

describe('spasm routine, checks before anything runs', () => {
  it.each<[string, Record<string, string | boolean>, string]>([
    ['no flags', {}, 'without a terminal, routine needs --hands-free, --pain-before and --pain-after'],
    ['no --pain-after', { handsFree: true, painBefore: '2' }, 'without a terminal, routine needs --pain-after'],
    ['no --hands-free', { painBefore: '2', painAfter: '1' }, 'without a terminal, routine needs --hands-free'],
    ['a bad --pain-before', { handsFree: true, painBefore: '11', painAfter: '1' }, '--pain-before must be a whole number from 0 to 10 (got "11")'],
    ['a bad --pain-after (with a terminal too)', { painAfter: 'x' }, '--pain-after must be a whole number from 0 to 10 (got "x")'],
  ])('%s → exit 2, nothing stored', async (_name, opts, message) => {
    const f = fakeDeps({ now });
    const error = await thrown(routine(opts, f.deps));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
    expect(existsSync(f.deps.store.file)).toBe(false);
    expect(f.stdout()).toBe('');
  });

  it('belly breathing counts slow breaths, one after another, never "Hold" and no pause between', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spasm-prog-')), 'breathing.json');
    const progression = { addReps: { min: 1, max: 2 }, everyDays: 3, requireCleanSessions: 2, sources: ['NHSI'] };
    writeFileSync(file, JSON.stringify({ id: 'breathe', name: 'Breathing', description: 'Belly breathing only.', exercises: [{ exercise: 'diaphragmatic-breathing', reps: { start: 3, max: 10 } }], progression, sources: ['NHSI'] }));
    const f = fakeDeps({ now });
    await routine({ ...allDone, program: file }, f.deps);
    expect(f.stdout()).toContain('3 breaths of 10 s');
    expect(f.stderr()).toContain('Breath 1/3: one slow breath, 10 s\nBreath 2/3: one slow breath, 10 s\nBreath 3/3: one slow breath, 10 s');
    expect(f.stderr()).not.toMatch(/hold|Relax/i);
  });

  it.each([
    ['a breath of 0 s', { holdSeconds: 0 }, '$.exercises[0].holdSeconds: must be at least 1 for an exercise counted in breaths (eachRep "breath")'],
    ['breaths on each side', { id: 'side-breaths', perSide: true }, '$.exercises[0].perSide: must be false for an exercise counted in breaths (eachRep "breath")'],
    ['positions to hold', { holds: ['up', 'down'] }, '$.exercises[0].holds: an exercise counted in breaths has no positions to hold (eachRep "breath")'],
  ])('a --program exercise counted in breaths is refused with %s (exit 2)', async (_name, change, hint) => {
    const base = loadExercises().byId.get('diaphragmatic-breathing')!;
    const file = join(mkdtempSync(join(tmpdir(), 'spasm-prog-')), 'breaths.json');
    const progression = { addReps: 1, everyDays: 3, requireCleanSessions: 2, sources: ['NHSI'] };
    writeFileSync(file, JSON.stringify({ id: 'b', name: 'B', description: 'b', exercises: [{ ...base, ...change }], progression, sources: ['NHSI'] }));
    const f = fakeDeps({ now });
    const error = await thrown(routine({ ...allDone, program: file }, f.deps));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toBe(hint);
    expect(existsSync(f.deps.store.file)).toBe(false);
  });

  it('an invalid --program file → exit 2 with the JSON path, nothing stored', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spasm-prog-')), 'bad.json');
    writeFileSync(file, JSON.stringify({ id: 'x', name: 'X', description: 'x', exercises: [{ exercise: 'handstand' }], progression: { addReps: 1, everyDays: 2, requireCleanSessions: 1, sources: ['NHSI'] }, sources: ['NHSI'] }));
    const f = fakeDeps({ now });
    const error = await thrown(routine({ ...allDone, program: file }, f.deps));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toBe('$.exercises[0].exercise: unknown exercise "handstand"');
    expect(existsSync(f.deps.store.file)).toBe(false);
  });

  it('a configured program that no longer loads says how to go back to the default', async () => {
    const f = fakeDeps({ now });
    await f.deps.store.update((doc) => void (doc.settings.program = '/nonexistent/program.json'));
    const error = (await thrown(routine(allDone, f.deps))) as UsageError;
    expect(error.message).toBe('cannot read program file "/nonexistent/program.json": there is no such file');
    expect(error.hint).toContain('spasm config unset program');
  });
});

describe('spasm routine, on a terminal', () => {
  it('asks pain, guides each exercise; a skip and a stop for pain are recorded, and it points to spasm log', async () => {
    const f = fakeDeps({ now, interactive: true });
    const run = routine({}, f.deps);
    await next('Pain now, before the exercises?', '4', 'enter');
    await next('Ready?', 'enter'); // Start pelvic tilt
    await next('How did it go?', 'enter'); // Done
    await screen.next();
    screen.keypress('down'); // Skip knee to chest
    screen.keypress('enter');
    await screen.next();
    screen.keypress('enter'); // Start knee rolls
    await screen.next();
    screen.keypress('down'); // It hurt more: stop
    screen.keypress('enter');
    await next('Pain now, after the exercises?', '6', 'enter');
    await run;
    const [stored] = (await f.deps.store.read()).sessions();
    expect(stored).toMatchObject({
      painBefore: 4,
      painAfter: 6,
      exercises: [
        { id: 'pelvic-tilt', status: 'done' },
        { id: 'knee-to-chest-single', status: 'skipped' },
        { id: 'knee-rolls', status: 'stopped' },
      ],
    });
    expect(f.stdout()).toContain('Exercises: 1 of 7 done, 1 skipped, 1 stopped, 4 not reached.\nPain: 4 before, 6 after (up 2).');
    expect(f.stdout()).toContain('You stopped because it hurt more. Rest, and note it in your log: spasm log');
  });

  it('"Stop here" ends the routine without pointing to the log', async () => {
    const f = fakeDeps({ now, interactive: true });
    const run = routine({ painBefore: '2', painAfter: '2' }, f.deps);
    await screen.next();
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await run;
    expect((await f.deps.store.read()).sessions()[0]!.exercises).toEqual([{ id: 'pelvic-tilt', status: 'stopped' }]);
    expect(f.stdout()).not.toContain('spasm log');
  });

  it('Ctrl-C in a prompt saves the part done and exits 130', async () => {
    const f = fakeDeps({ now, interactive: true });
    const run = thrown(routine({ painBefore: '2' }, f.deps));
    await screen.next();
    screen.keypress('down'); // skip the first
    screen.keypress('enter');
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    const error = await run;
    expect(error).toBeInstanceOf(InterruptedError);
    expect((await f.deps.store.read()).sessions()[0]!.exercises).toEqual([
      { id: 'pelvic-tilt', status: 'skipped' },
      { id: 'knee-to-chest-single', status: 'stopped' },
    ]);
  });

  it('Ctrl-C at the first question records nothing', async () => {
    const f = fakeDeps({ now, interactive: true });
    const run = thrown(routine({}, f.deps));
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    expect(((await run) as InterruptedError).message).toBe('Stopped. Nothing was recorded.');
    expect(existsSync(f.deps.store.file)).toBe(false);
  });
});

describe('spasm routine log', () => {
  const sessions = [session('rbbbb', '2026-11-25T19:00:00+01:00', 3, 4, 'stopped'), session('raaaa', '2026-11-24T08:00:00+01:00', 2, 1)];

  it('lists sessions newest first, aligned within 80 columns', async () => {
    const f = fakeDeps({ now });
    await f.deps.store.update((doc) => void doc.sessions().push(...[...sessions].reverse()));
    await routineLog({}, f.deps);
    const lines = f.stdout().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'When              Session  Program  Done  Skipped  Stopped  Pain',
      'Wed 25 Nov 19:00  rbbbb    default     0        0        7  3 → 4',
      'Tue 24 Nov 08:00  raaaa    default     7        0        0  2 → 1',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('--json: the SPEC §4 shape, oldest first', async () => {
    const f = fakeDeps({ now });
    await f.deps.store.update((doc) => void doc.sessions().push(...sessions));
    await routineLog({ json: true }, f.deps);
    expect(JSON.parse(f.stdout())).toEqual([sessions[1], sessions[0]]);
  });

  it('says how to start when there is nothing yet', async () => {
    const f = fakeDeps({ now });
    await routineLog({}, f.deps);
    expect(f.stdout()).toBe('No exercise sessions yet. Start one with: spasm routine\n');
  });
});
