// `spasm export` and `spasm import` with fake deps: the JSON they write, and
// what import checks before it changes anything.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logAdd, logList, logShow } from '../../src/commands/log.js';
import { routineLog } from '../../src/commands/routine.js';
import { exportStore, importStore } from '../../src/commands/transfer.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

const NOW = '2026-11-27T10:00:00+01:00';
const dir = mkdtempSync(join(tmpdir(), 'spasm-transfer-'));
// Raw in a terminal each of these could steer it or reorder the line.
const NOTE = 'del\u007f c1\u0085 csi\u009b2J ls\u2028 ps\u2029 rlo\u202e lri\u2066 pdi\u2069';
const RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

async function seeded() {
  const f = fakeDeps({ now: NOW });
  await logAdd({ onset: '2d ago', pain: '6', lasted: '1d', note: NOTE, trigger: ['lifting\u202e'] }, f.deps);
  return f;
}

describe('JSON output escapes what could steer a terminal, and parses back the same', () => {
  it.each<[string, (f: Awaited<ReturnType<typeof seeded>>, id: string) => Promise<void>]>([
    ['export', (f) => exportStore({}, f.deps)],
    ['log list --json', (f) => logList({ json: true }, f.deps)],
    ['log show --json', (f, id) => logShow({ json: true }, f.deps, id)],
  ])('%s', async (_name, run) => {
    const f = await seeded();
    const id = (await f.deps.store.read()).episodes[0]!.id;
    const before = f.stdout().length;
    await run(f, id);
    const out = f.stdout().slice(before);
    expect(out).not.toMatch(RAW);
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\u2028');
    expect(JSON.stringify(JSON.parse(out))).toContain(JSON.stringify(NOTE).slice(1, -1));
  });

  it('routine log --json goes through the same writer', async () => {
    const f = fakeDeps({ now: NOW });
    await routineLog({ json: true }, f.deps);
    expect(f.stdout()).toBe('[]\n');
  });
});

describe('import checks everything before changing anything', () => {
  const doc = (extra: object) => JSON.stringify({ format: 'spasm-export', schemaVersion: 1, exportedAt: NOW, episodes: [], routineSessions: [], settings: {}, retiredIds: [], ...extra });

  it('takes valid retired ids and a program setting that loads', async () => {
    const program = join(dir, 'program.json');
    writeFileSync(program, JSON.stringify({ id: 'mine', name: 'Mine', description: 'One.', exercises: [{ exercise: 'cat-cow', reps: { start: 2, max: 4 } }], progression: { addReps: 1, everyDays: 2, requireCleanSessions: 1, sources: ['NHSI'] }, sources: ['NHSI'] }));
    const file = join(dir, 'good.json');
    writeFileSync(file, doc({ retiredIds: ['e2345', 'rabcd'], settings: { program } }));
    const f = fakeDeps({ now: NOW });
    await importStore({}, f.deps, file);
    const stored = await f.deps.store.read();
    expect(stored.retiredIds).toEqual(['e2345', 'rabcd']);
    expect(stored.settings.program).toBe(program);
  });

  it.each<[string, object, string]>([
    ['a retired id that is no id', { retiredIds: ['e2345', '../../etc'] }, '$.retiredIds[1]'],
    ['a retired id of 5,000 characters', { retiredIds: ['e'.repeat(5000)] }, '$.retiredIds[0]'],
    ['more retired ids than a store holds', { retiredIds: Array.from({ length: 100_001 }, () => 'e2345') }, '$.retiredIds'],
  ])('refuses %s, naming the path; the store is not created', async (_name, extra, path) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, doc(extra));
    const f = fakeDeps({ now: NOW });
    const error = await importStore({}, f.deps, file).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 2, message: expect.stringContaining('is invalid') });
    expect((error as { hint: string }).hint).toContain(path);
    expect(() => readFileSync(f.deps.store.file)).toThrow();
  });

  it('refuses a program setting that does not load, as config set program would', async () => {
    const file = join(dir, 'bad-program.json');
    writeFileSync(file, doc({ settings: { program: join(dir, 'missing.json') } }));
    const f = fakeDeps({ now: NOW });
    await expect(importStore({}, f.deps, file)).rejects.toMatchObject({
      exitCode: 2,
      message: `the file "${file}" is invalid: $.settings.program: cannot read program file "${join(dir, 'missing.json')}": there is no such file`,
    });
    expect(() => readFileSync(f.deps.store.file)).toThrow();
  });
});

describe('import merges', () => {
  it('a second import of the same file skips and counts what is present', async () => {
    const file = join(dir, 'one.json');
    writeFileSync(file, JSON.stringify({ format: 'spasm-export', schemaVersion: 1, exportedAt: NOW, episodes: [episode({ id: 'eaaaa', onset: NOW })], routineSessions: [], settings: {} }));
    const f = fakeDeps({ now: NOW });
    await importStore({}, f.deps, file);
    expect(f.stdout()).toBe('Imported 1 episode and 0 routine sessions.\n');
    await importStore({}, f.deps, file);
    expect(f.stdout().split('\n')[1]).toBe('Imported 0 episodes and 0 routine sessions; skipped 1 already present (1 episode, 0 sessions).');
    expect((await f.deps.store.read()).episodes).toHaveLength(1);
  });
});
