import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configGet, configList, configSet, configUnset } from '../../src/commands/config.js';
import { routine } from '../../src/commands/routine.js';
import { UsageError } from '../../src/errors.js';
import { fakeDeps } from '../helpers/fake-deps.js';

const now = '2026-11-27T08:00:00+01:00';
const dir = mkdtempSync(join(tmpdir(), 'spasm-config-'));
const good = join(dir, 'mine.json');
writeFileSync(good, JSON.stringify({
  id: 'my-pt',
  name: 'From my physio',
  description: 'One stretch.',
  exercises: [{ exercise: 'cat-cow', reps: { start: 2, max: 4 } }],
  progression: { addReps: 1, everyDays: 2, requireCleanSessions: 1, sources: ['NHSI'] },
  sources: ['NHSI'],
}));
const bad = join(dir, 'bad.json');
writeFileSync(bad, JSON.stringify({ id: 'x', name: 'x', description: 'x', exercises: [], progression: {}, sources: ['NHSI'] }));

async function usageError(p: Promise<unknown>): Promise<UsageError> {
  const e = await p.then(() => undefined, (error: unknown) => error);
  if (!(e instanceof UsageError)) throw new Error('expected a UsageError');
  return e;
}

describe('spasm config', () => {
  it('set program checks the file, stores its absolute path, and routine uses it', async () => {
    const f = fakeDeps({ now });
    await configSet({}, f.deps, 'program', good);
    expect((await f.deps.store.read()).settings).toEqual({ program: good });
    expect(f.stdout()).toBe(`program = ${good}\n`);
    await routine({ handsFree: true, painBefore: '1', painAfter: '1' }, f.deps);
    expect((await f.deps.store.read()).sessions()[0]).toMatchObject({ program: 'my-pt', exercises: [{ id: 'cat-cow', status: 'done' }] });
  });

  it('set program refuses a file that does not load, with the JSON paths, and stores nothing', async () => {
    const f = fakeDeps({ now });
    const error = await usageError(configSet({}, f.deps, 'program', bad));
    expect(error.message).toBe(`program file "${bad}" is invalid`);
    expect(error.hint?.split('\n')).toEqual(expect.arrayContaining(['$.exercises: must not be empty', '$.progression.addReps: is required']));
    expect((await f.deps.store.read()).settings).toEqual({});
  });

  it('an unknown key → exit 2 naming the allowed keys', async () => {
    const error = await usageError(configSet({}, fakeDeps({ now }).deps, 'colour', 'red'));
    expect([error.message, error.hint]).toEqual(['unknown setting "colour"', 'the settings are: program, name, notify, voice, therapy']);
    await expect(configGet({}, fakeDeps({ now }).deps, 'colour')).rejects.toThrow('unknown setting "colour"');
  });

  it('get prints the value or nothing; without a key, every setting', async () => {
    const f = fakeDeps({ now });
    await configGet({}, f.deps, 'program');
    expect(f.stdout()).toBe('');
    expect(f.stderr()).toContain('program is not set');
    await configGet({}, f.deps);
    expect(f.stdout().split('\n')[0]).toBe('program = (not set: the default program)');
    await configSet({}, f.deps, 'program', good);
    const g = fakeDeps({ now, dataDir: f.deps.store.dir });
    await configGet({}, g.deps, 'program');
    await configGet({}, g.deps);
    expect(g.stdout().split('\n').slice(0, 2)).toEqual([good, `program = ${good}`]);
  });

  it('unset goes back to the default program', async () => {
    const f = fakeDeps({ now });
    await configSet({}, f.deps, 'program', good);
    await configUnset({}, f.deps, 'program');
    expect((await f.deps.store.read()).settings).toEqual({});
    expect(f.stderr()).toContain('program unset');
  });

  it.each([
    ['name', '  Sam Jones ', 'Sam Jones'],
    ['notify', 'off', 'off'],
    ['voice', 'ON', 'on'],
    ['therapy', 'heat', 'heat'],
    ['therapy', 'alternate', 'alternate'],
  ])('set %s %j stores %j', async (key, value, stored) => {
    const f = fakeDeps({ now });
    await configSet({}, f.deps, key, value);
    expect((await f.deps.store.read()).settings).toEqual({ [key]: stored });
    expect(f.stdout()).toBe(`${key} = ${stored}\n`);
  });

  it.each([
    ['notify', 'maybe', 'notify must be one of on, off (got "maybe")'],
    ['voice', 'yes', 'voice must be one of on, off (got "yes")'],
    ['therapy', 'ice', 'therapy must be one of cold, heat, alternate (got "ice")'],
    ['name', '   ', 'name must be 1 to 200 characters (got 0)'],
  ])('set %s %j → exit 2 listing what is allowed, nothing stored', async (key, value, message) => {
    const f = fakeDeps({ now });
    const error = await usageError(configSet({}, f.deps, key, value));
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(2);
    expect((await f.deps.store.read()).settings).toEqual({});
  });

  it('list shows every key, set or not; --json gives null for unset ones', async () => {
    const f = fakeDeps({ now });
    await configSet({}, f.deps, 'name', 'Sam');
    await configSet({}, f.deps, 'therapy', 'heat');
    const g = fakeDeps({ now, dataDir: f.deps.store.dir });
    await configList({}, g.deps);
    expect(g.stdout()).toBe(
      [
        'program = (not set: the default program)',
        'name = Sam',
        'notify = (not set: on)',
        'voice = (not set: off unless --voice)',
        'therapy = heat',
        '',
      ].join('\n'),
    );
    const h = fakeDeps({ now, dataDir: f.deps.store.dir });
    await configList({ json: true }, h.deps);
    expect(JSON.parse(h.stdout())).toEqual({ program: null, name: 'Sam', notify: null, voice: null, therapy: 'heat' });
  });

  it('unset name removes it', async () => {
    const f = fakeDeps({ now });
    await configSet({}, f.deps, 'name', 'Sam');
    await configUnset({}, f.deps, 'name');
    expect((await f.deps.store.read()).settings).toEqual({});
    expect(f.stderr()).toContain('name unset: no name on the report.');
  });
});
