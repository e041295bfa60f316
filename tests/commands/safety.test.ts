// Safety all the way through an episode (issue #11): an emergency answer is
// carried forward in start, status, timer and routine, and first aid is never
// blocked by a store that cannot be used.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routine } from '../../src/commands/routine.js';
import { start } from '../../src/commands/start.js';
import { status } from '../../src/commands/status.js';
import { timer } from '../../src/commands/timer.js';
import { loadProtocol, loadRedFlags } from '../../src/data/index.js';
import { StoreError } from '../../src/errors.js';
import { fakeDeps, tempDataDir } from '../helpers/fake-deps.js';

const NOW = '2026-11-27T09:30:00+01:00';
const HOUR_LATER = '2026-11-27T10:30:00+01:00';
const DAY_LATER = '2026-11-28T09:45:00+01:00';
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A store holding one episode whose screen said saddle numbness (emergency), made by `start` itself. */
async function emergencyStore(): Promise<string> {
  const dataDir = tempDataDir();
  await start({ redFlags: 'saddle-numbness', pain: '7', onset: 'now', handsFree: true }, fakeDeps({ now: NOW, dataDir }).deps);
  return dataDir;
}

describe('an emergency answer is carried forward', () => {
  it.each([
    ['an hour later', HOUR_LATER],
    ['a day later', DAY_LATER],
  ])('status --json %s: advice[0] is seek-emergency-care and there is no next cold/heat window', async (_label, now) => {
    const f = fakeDeps({ now, dataDir: await emergencyStore() });
    await status({ json: true }, f.deps);
    const json = JSON.parse(f.stdout());
    expect(json.advice[0].code).toBe('seek-emergency-care');
    expect(json.nextTherapy).toBeNull();
  });

  it('status as text: the emergency advice first, no "Next" line, the watch-for line last', async () => {
    const f = fakeDeps({ now: HOUR_LATER, dataDir: await emergencyStore() });
    await status({}, f.deps);
    const out = f.stdout();
    expect(out.startsWith('! Some of your answers mean a doctor should check you straight away.')).toBe(true);
    expect(out).not.toMatch(/^Next/m);
    expect(out).not.toMatch(/^Phase/m);
    expect(flat(out).trimEnd().endsWith(loadRedFlags().watchFor)).toBe(true);
  });

  it('a new screen answered none lifts it: status gives the next window again', async () => {
    const dataDir = await emergencyStore();
    await start({ redFlags: 'none', pain: '5', handsFree: true }, fakeDeps({ now: HOUR_LATER, dataDir }).deps);
    const f = fakeDeps({ now: HOUR_LATER, dataDir });
    await status({ json: true }, f.deps);
    const json = JSON.parse(f.stdout());
    expect(json.nextTherapy).not.toBeNull();
    expect(json.advice.map((a: { code: string }) => a.code)).not.toContain('seek-emergency-care');
  });

  it('timer shows the emergency advice before its countdown, and still counts', async () => {
    const f = fakeDeps({ now: HOUR_LATER, dataDir: await emergencyStore() });
    await timer({}, f.deps, 'cold');
    const err = f.stderr();
    expect(err.indexOf('! Please get help now')).toBeGreaterThanOrEqual(0);
    expect(err.indexOf('! Please get help now')).toBeLessThan(err.indexOf('Cold pack: 20 min.'));
    expect(err).toContain('Done: 20 min of cold.');
  });

  it('routine shows the emergency advice first, then the program with the watch-for line', async () => {
    const f = fakeDeps({ now: HOUR_LATER, dataDir: await emergencyStore() });
    await routine({ handsFree: true, painBefore: '2', painAfter: '2' }, f.deps);
    const out = f.stdout();
    expect(out.indexOf('! Please get help now')).toBeGreaterThanOrEqual(0);
    expect(out.indexOf('! Please get help now')).toBeLessThan(out.indexOf('Daily back routine'));
    expect(flat(out)).toContain(loadRedFlags().watchFor);
  });

  it('same-day advice is shown first by timer too, without blocking', async () => {
    const dataDir = tempDataDir();
    await start({ redFlags: 'fever', pain: '5', onset: 'now', handsFree: true }, fakeDeps({ now: NOW, dataDir }).deps);
    const f = fakeDeps({ now: HOUR_LATER, dataDir });
    await timer({}, f.deps, 'heat');
    expect(f.stderr()).toContain('! Please see a clinician today');
    expect((await f.deps.store.read()).episodes[0]!.therapy.map((t) => t.kind)).toEqual(['cold', 'heat']);
  });
});

describe('first aid is never blocked by the store', () => {
  /** A data directory whose store cannot be used: not JSON (the default), or from a newer spasm. */
  function corrupt(content = '{"schemaVersion":1,"episodes":['): { dataDir: string; file: string; bytes: Buffer } {
    const dataDir = tempDataDir();
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = `${dataDir}/spasm.json`;
    writeFileSync(file, content, { mode: 0o600 });
    return { dataDir, file, bytes: readFileSync(file) };
  }

  it('start on a store from a newer spasm: guides anyway, exit 3, the file untouched', async () => {
    const { dataDir, file, bytes } = corrupt('{"schemaVersion":99,"episodes":[],"settings":{},"retiredIds":[],"routineSessions":[]}');
    const f = fakeDeps({ now: NOW, dataDir });
    await expect(start({ redFlags: 'none', pain: '6', onset: 'now', handsFree: true }, f.deps)).rejects.toMatchObject({ exitCode: 3 });
    expect(f.stderr().split('\n')[0]).toContain('nothing will be saved');
    expect(f.stdout()).toContain('Walk-through done');
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('start on a corrupt store: one line at the start, every step anyway, exit 3 at the end, the file untouched', async () => {
    const { dataDir, file, bytes } = corrupt();
    const f = fakeDeps({ now: NOW, dataDir });
    const error = await start({ redFlags: 'none', pain: '6', onset: 'now', handsFree: true }, f.deps).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3, message: expect.stringContaining('nothing was saved') });
    const err = f.stderr();
    expect(err.split('\n')[0]).toMatch(/^spasm: .*The guide goes on, but nothing will be saved\.$/);
    expect(err.match(/nothing will be saved/g)).toHaveLength(1);
    const out = f.stdout();
    for (const step of loadProtocol().steps.filter((s) => s.id !== 'heat')) expect(out).toContain(step.title);
    expect(out).toContain('Nothing was saved.');
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('start on a corrupt store, on a terminal, says so before the first question', async () => {
    const { dataDir, file, bytes } = corrupt();
    const f = fakeDeps({ now: NOW, dataDir, interactive: true });
    await expect(start({ redFlags: 'urination', pain: '6', onset: 'now' }, f.deps)).rejects.toMatchObject({ exitCode: 3 });
    expect(f.stderr().split('\n')[1]).toContain('nothing will be saved');
    expect(f.stdout()).toContain('! Please get help now');
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('timer on a corrupt store: the line before the countdown, the countdown anyway, exit 3, the file untouched', async () => {
    const { dataDir, file, bytes } = corrupt();
    const f = fakeDeps({ now: NOW, dataDir });
    await expect(timer({}, f.deps, 'heat')).rejects.toMatchObject({ exitCode: 3 });
    const err = f.stderr();
    expect(err.indexOf('nothing will be saved')).toBeLessThan(err.indexOf('Heat pack: 20 min.'));
    expect(err).toContain('Done: 20 min of heat.');
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('a write that fails part-way: one line, the guide goes on in memory, exit 3 saying the rest was not saved', async () => {
    const f = fakeDeps({ now: NOW });
    const real = f.deps.store;
    let writes = 0;
    // Writes: the start's check (writes nothing), the screen's answers, then the pain, which finds the disk full.
    f.deps.store = { ...real, read: () => real.read(), update: (change) => (++writes >= 3 ? Promise.reject(new StoreError('cannot write the store: ENOSPC')) : real.update(change)) };
    const error = await start({ redFlags: 'none', pain: '6', onset: 'now', handsFree: true }, f.deps).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 3, message: expect.stringContaining('the rest was not saved') });
    expect(f.stderr().match(/nothing more will be saved/g)).toHaveLength(1);
    expect(f.stdout()).toContain('Walk-through done');
    const [e] = (await real.read()).episodes;
    expect(e!.redFlags?.tier).toBe('none');
    expect(e!.pain).toEqual([]);
    expect(e!.steps).toEqual([]);
  });

  it('timer shows every caution of its kind, short, not only the first', async () => {
    const f = fakeDeps({ now: NOW });
    await timer({}, f.deps, 'heat');
    const heat = loadProtocol().steps.find((s) => s.id === 'heat')!;
    expect(heat.cautions.length).toBeGreaterThanOrEqual(6);
    for (const caution of heat.cautions) expect(flat(f.stderr())).toContain(caution);
  });
});
