// The end of spasm start (src/flows/walk-end.ts): skippable questions, the flags that answer them,
// "has it settled?" at pain 0, and a new episode's onset without a terminal.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSet } from '../../src/commands/config.js';
import { start } from '../../src/commands/start.js';
import { answer } from '../helpers/answer.js';
import { fakeDeps, tempDataDir } from '../helpers/fake-deps.js';

const NOW = '2026-11-27T09:30:00+01:00';

describe('spasm start without a terminal', () => {
  it("the README's example runs on a fresh store: a new episode begins now", async () => {
    const f = fakeDeps({ now: NOW });
    await start({ pain: '6', redFlags: 'none', handsFree: true }, f.deps);
    const [e] = (await f.deps.store.read()).episodes;
    expect(e!.onset).toBe(NOW);
    expect(e!.triggers).toEqual([]);
    expect(e!.legs).toBeNull();
    expect(e!.endedAt).toBeNull();
    expect(f.stdout()).toContain('Walk-through done');
  });

  it('--trigger and --legs answer the end questions', async () => {
    const f = fakeDeps({ now: NOW });
    await start({ pain: '6', redFlags: 'none', handsFree: true, trigger: ['Lifting something', 'moving a sofa'], legs: 'thigh' }, f.deps);
    const [e] = (await f.deps.store.read()).episodes;
    expect(e!.triggers).toEqual(['lifting', 'moving a sofa']);
    expect(e!.legs).toBe('thigh');
  });

  it.each([
    [{ legs: 'knee' }, '--legs must be one of none, buttock, thigh, below-knee (got "knee")'],
    [{ trigger: [' '] }, '--trigger must not be empty'],
  ])('%j → exit 2 before anything is stored', async (bad, message) => {
    const f = fakeDeps({ now: NOW });
    await expect(start({ pain: '6', redFlags: 'none', handsFree: true, ...bad }, f.deps)).rejects.toMatchObject({ exitCode: 2, message });
    expect(existsSync(f.deps.store.file)).toBe(false);
  });

  it('config therapy heat is the standing choice of a new walk-through', async () => {
    const dataDir = tempDataDir();
    await configSet({}, fakeDeps({ now: NOW, dataDir }).deps, 'therapy', 'heat');
    const f = fakeDeps({ now: NOW, dataDir });
    await start({ pain: '6', redFlags: 'none', handsFree: true }, f.deps);
    const [e] = (await f.deps.store.read()).episodes;
    expect(e!.therapy.map((s) => s.kind)).toEqual(['heat']);
  });
});

describe('spasm start on a terminal: the end of the walk', () => {
  it('asks what set it off, the leg spread and the activities (rated at once), and records them', async () => {
    const f = fakeDeps({ now: NOW, interactive: true, dataDir: tempDataDir() });
    const done = start({ redFlags: 'none', pain: '6', onset: '1h ago' }, f.deps);
    await answer('Ready?', 'down', 'down', 'enter'); // stop at the rest position
    await answer('How bad is the pain now?', 'enter');
    await answer('What set it off?', ' ', 'enter'); // the first listed trigger
    await answer('How far did the pain spread down the leg?', 'up', 'enter'); // the last before "leave it unrecorded"
    await answer('Name an activity the spasm makes hard', ...'walking', 'enter');
    await answer('walking: how well can you do it now?', '3', 'enter');
    await answer('Another activity', 'enter');
    await done;
    const [e] = (await f.deps.store.read()).episodes;
    expect(e!.triggers).toHaveLength(1);
    expect(e!.legs).toBe('below-knee');
    expect(e!.activities).toEqual(['walking']);
    expect(e!.checkins).toEqual([{ at: NOW, pain: null, function: [{ activity: 'walking', score: 3 }], medicines: [], sleptBadly: null, missedWork: null, notes: '' }]);
  });

  it('pain 0 at the end asks whether it has settled; yes ends the episode and offers no next session', async () => {
    const dataDir = tempDataDir();
    await start({ pain: '3', redFlags: 'none', handsFree: true, trigger: ['lifting'], legs: 'none' }, fakeDeps({ now: NOW, dataDir }).deps);
    const f = fakeDeps({ now: '2026-11-27T12:00:00+01:00', interactive: true, dataDir });
    const done = start({ pain: '1' }, f.deps);
    await answer('A 20-minute cold pack now', 'enter');
    await answer('What would you like to use on your back?', 'enter');
    await answer('Ready?', 'enter');
    await answer('How bad is the pain now?', 'backspace', '0', 'enter');
    await answer('Your pain is 0. Has the spasm settled?', 'y', 'enter');
    await done;
    const [e] = (await f.deps.store.read()).episodes;
    expect(e!.endedAt).not.toBeNull();
    const out = f.stdout();
    expect(out).toContain(`Episode ${e!.id} is marked ended.`);
    expect(out).not.toContain('Next cold session');
  });
});
