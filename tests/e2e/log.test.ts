// `spasm log` through the built binary (npm test builds it first).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Episode, StoreDoc } from '../../src/core/records.js';
import { runSpasm, runSpasmAsync, spawnSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { keys, spawnPty } from '../helpers/pty.js';

const NOW = '2026-11-27T12:00:00+01:00';
const env = { SPASM_NOW: NOW };

function storeOf(dir: string): StoreDoc {
  return JSON.parse(readFileSync(join(dir, 'spasm.json'), 'utf8')) as StoreDoc;
}

/** Runs `spasm log …` and returns the new episode's id from its one-line answer. */
function add(dir: string, ...args: string[]): string {
  const r = runSpasm(['log', ...args], { dataDir: dir, env });
  expect(r.code, r.stderr).toBe(0);
  return /Recorded episode (e\w+):/.exec(r.stdout)![1]!;
}

describe('spasm log and checkin through the binary', () => {
  it('add, checkin, list, show by a prefix, and delete', () => {
    const dir = tempDataDir();
    const run = (...args: string[]) => runSpasm(args, { dataDir: dir, env });
    const old = add(dir, '--onset', '2026-10-01T07:30', '--pain', '6', '--lasted', '2d', '--trigger', 'lifting', '--trigger', 'moving a wardrobe');
    const now = add(dir, 'add', '--onset', '5h ago', '--pain', '7', '--ongoing', '--legs', 'thigh', '--helped', 'Heat pack');

    const checkin = run('checkin', '--pain', '4', '--medicine', 'ibuprofen 400 mg', '--json');
    expect(checkin.code, checkin.stderr).toBe(0);
    expect(JSON.parse(checkin.stdout)).toMatchObject({ at: '2026-11-27T12:00:00+01:00', pain: 4, medicines: ['ibuprofen 400 mg'] });

    const list = run('log', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').slice(0, 3)).toEqual([
      '  id     began             lasted   worst  legs   triggers',
      `> ${now}  2026-11-27 07:00  ongoing  7/10   thigh  -`,
      `  ${old}  2026-10-01 07:30  2 days   6/10   -      lifting, moving a wardrobe`,
    ]);

    const show = run('log', 'show', now.slice(0, 3), '--json');
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: now, helped: ['heat'], legs: 'thigh', pain: [{ score: 7 }, { at: '2026-11-27T12:00:00+01:00', score: 4 }], checkins: [{ pain: 4 }] });

    expect(run('log', 'delete', old.slice(0, 3), '--yes').stdout).toBe(`Deleted episode ${old}.\n`);
    expect(storeOf(dir)).toMatchObject({ retiredIds: [old] });
  });
});

describe('log writers at once', () => {
  it('two processes × 8 `spasm log` at once keep all 16', async () => {
    const dir = tempDataDir();
    const writer = async (who: string) => {
      for (let i = 0; i < 8; i++) {
        const r = await runSpasmAsync(['log', '--onset', `${i + 1}d ago`, '--pain', '5', '--lasted', '3h', '--note', `${who}${i}`], { dataDir: dir, env });
        expect(r.code, r.stderr).toBe(0);
      }
    };
    await Promise.all([writer('a'), writer('b')]);
    const episodes = storeOf(dir).episodes;
    expect(episodes).toHaveLength(16);
    expect(new Set(episodes.map((e) => e.notes)).size).toBe(16);
    expect(new Set(episodes.map((e) => e.id)).size).toBe(16);
  }, 90_000);

  it('writers killed with SIGKILL at random moments: the store reads, keeps every acknowledged write, and does not block', async () => {
    const dir = tempDataDir();
    add(dir, '--onset', '30d ago', '--pain', '3', '--lasted', '1d');
    const acknowledged: string[] = [];
    let killed = 0;
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => {
          const note = `w${round}-${i}`;
          const child = spawnSpasm(['log', '--onset', `${round * 5 + i + 1}h ago`, '--pain', '4', '--ongoing', '--note', note], { dataDir: dir, env });
          // One writer in five runs free, so some writes are always acknowledged even on a slow machine.
          const killAt = i === 0 ? undefined : setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(random() * 1500));
          return new Promise<void>((done) =>
            child.on('exit', (code, signal) => {
              clearTimeout(killAt);
              if (code === 0) acknowledged.push(note);
              if (signal === 'SIGKILL') killed++;
              done();
            }),
          );
        }),
      );
    }
    // Both must happen, or this test proves nothing.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(killed).toBeGreaterThan(0);
    const started = Date.now();
    const last = await runSpasmAsync(['log', '--onset', 'now', '--pain', '2', '--note', 'last'], { dataDir: dir, env });
    expect(last.code, last.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
    const list = runSpasm(['log', 'list', '--json'], { dataDir: dir, env });
    expect(list.code).toBe(0);
    const notes = (JSON.parse(list.stdout) as Episode[]).map((e) => e.notes);
    for (const note of [...acknowledged, 'last']) expect(notes).toContain(note);
  }, 90_000);
});

describe('interactive add in a real terminal', () => {
  it('asks in order, then shows the record and its id', async () => {
    const dir = tempDataDir();
    const term = await spawnPty(['log'], { SPASM_DATA_DIR: dir, SPASM_NOW: NOW, NO_COLOR: '1' });
    const step = async (question: string, ...input: string[]) => {
      const from = term.mark();
      await term.waitFor(question, 10_000, Math.max(0, from - 400));
      for (const k of input) term.write(k);
    };
    await step('When did it begin?', keys.down, keys.down, keys.enter); // Earlier today
    await step('About what time today?', '09:15', keys.enter);
    await step('How bad was the pain at its worst?', '6', keys.enter);
    await step('Is it still going', keys.enter); // Still going
    await step('What set it off?', keys.down, keys.space, keys.enter); // Lifting something
    await step('What helped?', keys.down, keys.space, keys.enter); // Slow breathing
    await step('How far did the pain spread', keys.enter); // Not into the leg
    await step('A note? (Enter to skip)', 'after gardening', keys.enter);
    await term.waitFor('Saved as episode');
    expect(await term.exited).toBe(0);
    const [e] = storeOf(dir).episodes;
    expect(e).toMatchObject({ onset: '2026-11-27T09:15:00+01:00', endedAt: null, peakPain: 6, triggers: ['lifting'], helped: ['breathing'], legs: 'none', notes: 'after gardening' });
    expect(term.screen()).toContain(`Saved as episode ${e!.id}.`);
    expect(term.screen()).toMatch(/Ended +ongoing, 2 h 45 min since it began/);
  }, 30_000);

  it('Ctrl-C in a question stores nothing and exits 130', async () => {
    const dir = tempDataDir();
    const term = await spawnPty(['log'], { SPASM_DATA_DIR: dir, SPASM_NOW: NOW, NO_COLOR: '1' });
    await term.waitFor('When did it begin?');
    term.write(keys.enter);
    await term.waitFor('How bad was the pain');
    term.write(keys.ctrlC);
    expect(await term.exited).toBe(130);
    expect(term.screen()).toContain('Stopped. Nothing was recorded.');
    expect(() => readFileSync(join(dir, 'spasm.json'))).toThrow();
  }, 30_000);

  it('with --json and standard output in a file: the questions stay on the terminal, the file holds only the record', async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const out = join(dir, 'record.json');
    // Without --pain on a terminal, log asks for it and for the fields not given.
    const term = await spawnPty(['log', '--json', '--onset', '2h ago', '--ongoing'], { SPASM_DATA_DIR: dir, SPASM_NOW: NOW, NO_COLOR: '1' }, { stdoutFile: out });
    await term.waitFor('How bad was the pain at its worst?');
    term.write('5');
    term.write(keys.enter);
    await term.waitFor('What set it off?');
    term.write(keys.enter);
    await term.waitFor('What helped?');
    term.write(keys.enter);
    await term.waitFor('How far did the pain spread');
    term.write(keys.enter);
    await term.waitFor('A note?');
    term.write(keys.enter);
    expect(await term.exited).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).not.toContain('What set it off?');
    const record = JSON.parse(written) as { id: string; peakPain: number };
    expect(record).toMatchObject({ peakPain: 5, endedAt: null });
    expect(storeOf(dir).episodes.map((e) => e.id)).toEqual([record.id]);
  });
});
