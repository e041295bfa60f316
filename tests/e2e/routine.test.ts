// spasm routine, config and exercises through the built binary: without a
// terminal, and in a real pseudo-terminal. Refusals run in process
// (tests/commands/bad-input.test.ts).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { keys, spawnPty } from '../helpers/pty.js';

const NOW = '2026-11-27T08:00:00+01:00';
const fast = { SPASM_NOW: NOW, SPASM_TIME_SCALE: '5000' };
const DEFAULT_IDS = ['pelvic-tilt', 'knee-to-chest-single', 'knee-rolls', 'childs-pose', 'cat-cow', 'hamstring-stretch', 'piriformis-stretch'];

const sessions = (dataDir: string) => JSON.parse(runSpasm(['routine', 'log', '--json'], { dataDir }).stdout) as Array<Record<string, unknown>>;

describe('spasm routine (built binary, no terminal)', () => {
  it('hands-free with --pain-before/--pain-after runs to the end and records the session', () => {
    const dataDir = tempDataDir();
    const r = runSpasm(['routine', '--hands-free', '--pain-before', '3', '--pain-after', '2'], { dataDir, env: fast });
    expect(r.stderr).toContain('Rep 1/5: hold 5 s');
    expect(r.stdout).toContain('Exercises: 7 of 7 done.');
    expect(r.code).toBe(0);
    const [session] = sessions(dataDir);
    expect(session).toEqual({
      id: expect.stringMatching(/^r[2-9a-hjkmnp-z]{4}$/),
      at: expect.stringMatching(/^2026-11-27T08:0\d:\d\d\+01:00$/),
      program: 'default',
      painBefore: 3,
      painAfter: 2,
      exercises: DEFAULT_IDS.map((id) => ({ id, status: 'done' })),
    });
    const exported = JSON.parse(runSpasm(['export'], { dataDir }).stdout);
    expect(exported.routineSessions).toEqual([session]);
    const text = runSpasm(['routine', 'log'], { dataDir, env: { SPASM_NOW: NOW } }).stdout;
    expect(text).toMatch(/^today 08:0\d +r\w{4} +default +7 +0 +0 +3 → 2$/m);
  });

  it('config set program, then routine uses that program', () => {
    const dataDir = tempDataDir();
    const file = join(dirname(dataDir), 'physio.json');
    writeFileSync(file, JSON.stringify({ id: 'physio', name: 'Physio', description: 'Two.', exercises: [{ exercise: 'knee-rolls' }, { exercise: 'pelvic-tilt', reps: { start: 2, max: 4 } }], progression: { addReps: 1, everyDays: 3, requireCleanSessions: 2, sources: ['NHSI'] }, sources: ['NHSI'] }));
    expect(runSpasm(['config', 'set', 'program', file], { dataDir }).code).toBe(0);
    expect(runSpasm(['config', 'get', 'program'], { dataDir }).stdout).toBe(`${file}\n`);
    const r = runSpasm(['routine', '--hands-free', '--pain-before', '2', '--pain-after', '2'], { dataDir, env: fast });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Rep 2/2: hold 5 s');
    expect(sessions(dataDir)[0]).toMatchObject({ program: 'physio', exercises: [{ id: 'knee-rolls', status: 'done' }, { id: 'pelvic-tilt', status: 'done' }] });
  });
});

describe('spasm exercises (built binary)', () => {
  it('lists the catalogue and shows one exercise', () => {
    const list = runSpasm(['exercises']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^pelvic-tilt +Pelvic tilt +hold 5 s/m);
    const one = runSpasm(['exercises', 'show', 'pelvic-tilt']);
    expect(one.code).toBe(0);
    expect(one.stdout.split('\n')[0]).toBe('Pelvic tilt');
  });
});

describe('spasm routine in a real terminal', () => {
  it('a skip and a stop, chosen with the keys', async () => {
    const dataDir = tempDataDir();
    const pty = await spawnPty(['routine'], { SPASM_DATA_DIR: dataDir, NO_COLOR: '1', ...fast });
    await pty.waitFor('Pain now, before the exercises?');
    pty.write(`4${keys.enter}`);
    await pty.waitFor('Ready?');
    pty.write(keys.enter); // Start pelvic tilt
    await pty.waitFor('How did it go?');
    let mark = pty.mark();
    pty.write(keys.enter); // Done
    await pty.waitFor('Ready?', 10_000, mark);
    mark = pty.mark();
    pty.write(`${keys.down}${keys.enter}`); // Skip knee to chest
    await pty.waitFor('Ready?', 10_000, mark);
    pty.write(keys.enter); // Start knee rolls
    await pty.waitFor('How did it go?', 10_000, mark);
    pty.write(`${keys.down}${keys.enter}`); // It hurt more: stop
    await pty.waitFor('Pain now, after the exercises?');
    pty.write(`6${keys.enter}`);
    await pty.waitFor('spasm log');
    expect(await pty.exited).toBe(0);
    expect(sessions(dataDir)[0]).toMatchObject({
      painBefore: 4,
      painAfter: 6,
      exercises: [
        { id: 'pelvic-tilt', status: 'done' },
        { id: 'knee-to-chest-single', status: 'skipped' },
        { id: 'knee-rolls', status: 'stopped' },
      ],
    });
  });

  it('Ctrl-C during a hold: exit 130, the part done is recorded', async () => {
    const dataDir = tempDataDir();
    // Real time, so the 5-second hold is still running when Ctrl-C arrives.
    const pty = await spawnPty(['routine', '--pain-before', '2'], { SPASM_DATA_DIR: dataDir, NO_COLOR: '1', SPASM_NOW: NOW });
    await pty.waitFor('Ready?');
    let mark = pty.mark();
    pty.write(`${keys.down}${keys.enter}`); // Skip pelvic tilt
    await pty.waitFor('Ready?', 10_000, mark);
    mark = pty.mark();
    pty.write(keys.enter); // Start knee to chest
    await pty.waitFor('Hold', 10_000, mark);
    pty.write(keys.ctrlC);
    expect(await pty.exited).toBe(130);
    expect(pty.screen()).toMatch(/Stopped\. Saved session r\w{4}: 0 done, 1 skipped, 1 stopped\./);
    expect(sessions(dataDir)[0]).toMatchObject({
      painBefore: 2,
      painAfter: null,
      exercises: [
        { id: 'pelvic-tilt', status: 'skipped' },
        { id: 'knee-to-chest-single', status: 'stopped' },
      ],
    });
  });
});
