// `spasm log` through the built binary (npm test builds it first).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('spasm log through the binary', () => {
  it('add, list, show, edit, end and delete, with id prefixes', () => {
    const dir = tempDataDir();
    const run = (...args: string[]) => runSpasm(args, { dataDir: dir, env });
    const old = add(dir, '--onset', '2026-10-01T07:30', '--pain', '6', '--lasted', '2d', '--trigger', 'lifting', '--trigger', 'moving a wardrobe');
    const now = add(dir, 'add', '--onset', '5h ago', '--pain', '7', '--ongoing', '--legs', 'thigh', '--helped', 'Heat pack');

    const list = run('log', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').slice(0, 3)).toEqual([
      '  id     began             lasted   worst  legs   triggers',
      `> ${now}  2026-11-27 07:00  ongoing  7/10   thigh  -`,
      `  ${old}  2026-10-01 07:30  2 days   6/10   -      lifting, moving a wardrobe`,
    ]);

    const show = run('log', 'show', now.slice(0, 3));
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(`Episode ${now}`);
    expect(show.stdout).toMatch(/Helped +Heat pack/);
    expect(show.stdout).toMatch(/Leg spread +Into the thigh/);

    expect(run('log', 'edit', old.slice(0, 4), '--pain', '8', '--note', 'after the move').code).toBe(0);
    const edited = storeOf(dir).episodes.find((e) => e.id === old)!;
    expect(edited).toMatchObject({ peakPain: 8, notes: 'after the move', triggers: ['lifting', 'moving a wardrobe'], endedAt: '2026-10-03T07:30:00+02:00' });

    const end = run('log', 'end', '--pain', '2');
    expect(end.stdout).toBe(`Ended episode ${now} today 12:00, after 5 h. Pain at the end: 2/10.\n`);
    expect(run('log', 'end', now).code).toBe(2);

    const noYes = run('log', 'delete', old);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toBe(`spasm: without a terminal, log delete needs --yes\nto delete it: spasm log delete ${old} --yes\n`);
    expect(run('log', 'delete', old.slice(0, 3), '--yes').stdout).toBe(`Deleted episode ${old}.\n`);
    expect(storeOf(dir)).toMatchObject({ retiredIds: [old] });
    expect(run('log', 'show', old).code).toBe(2);
  });

  it('--json: add and show print the stored record, list an array oldest first, in the SPEC shape', () => {
    const dir = tempDataDir();
    const a = JSON.parse(runSpasm(['log', '--onset', '2026-11-20', '--pain', '5', '--lasted', '1d', '--json'], { dataDir: dir, env }).stdout) as Episode;
    const b = JSON.parse(runSpasm(['log', '--onset', '2026-11-01', '--pain', '3', '--lasted', '3h', '--json'], { dataDir: dir, env }).stdout) as Episode;
    expect(storeOf(dir).episodes).toEqual([a, b]);
    const list = JSON.parse(runSpasm(['log', 'list', '--json'], { dataDir: dir, env }).stdout) as Episode[];
    expect(list.map((e) => e.id)).toEqual([b.id, a.id]);
    const keys = ['id', 'onset', 'endedAt', 'source', 'pain', 'peakPain', 'triggers', 'helped', 'legs', 'notes', 'redFlags', 'steps', 'therapy', 'activities', 'checkins'];
    for (const e of [...list, a]) expect(Object.keys(e)).toEqual(keys);
    expect(JSON.parse(runSpasm(['log', 'show', a.id, '--json'], { dataDir: dir, env }).stdout)).toEqual(a);
    expect(JSON.parse(runSpasm(['log', 'list', '--json', '--since', '2026-11-10'], { dataDir: dir, env }).stdout)).toEqual([a]);
  });

  it('ids are never reused after delete', () => {
    const dir = tempDataDir();
    const deleted = add(dir, '--onset', '1d ago', '--pain', '4', '--lasted', '2h');
    expect(runSpasm(['log', 'delete', deleted, '--yes'], { dataDir: dir }).code).toBe(0);
    const later = Array.from({ length: 15 }, (_, i) => add(dir, '--onset', `${i + 2}d ago`, '--pain', '4', '--lasted', '2h'));
    expect(later).not.toContain(deleted);
    expect(new Set(later).size).toBe(15);
    expect(storeOf(dir).retiredIds).toEqual([deleted]);
  });

  const refusals: [string[], string][] = [
    [['log', '--onset', 'now', '--pain', '11'], 'spasm: --pain must be a whole number from 0 to 10 (got "11")'],
    [['log', '--onset', 'tomorrow', '--pain', '3'], 'spasm: --onset "tomorrow" is not a time I can read'],
    [['log', '--onset', '2026-11-28T09:00', '--pain', '3'], 'spasm: --onset "2026-11-28T09:00" is in the future'],
    [['log', '--onset', '1h ago', '--pain', '3', '--lasted', '2h'], 'spasm: --lasted would end the episode at 2026-11-27T13:00:00+01:00, which is in the future'],
    [['log', '--onset', '1h ago', '--pain', '3', '--lasted', 'ages'], 'spasm: --lasted "ages" is not a duration'],
    [['log', '--onset', '1h ago', '--pain', '3', '--lasted', '1h', '--ongoing'], 'spasm: --lasted and --ongoing cannot go together'],
    [['log', '--onset', '1h ago', '--pain', '3', '--legs', 'foot'], 'spasm: --legs must be one of none, buttock, thigh, below-knee (got "foot")'],
    [['log', '--onset', '1h ago', '--pain', '3', '--note', 'ü'.repeat(10_001)], 'spasm: --note is 10,001 characters long; at most 10,000 are allowed'],
    [['log', '--onset', '1h ago', '--pain', '3', '--trigger', ' '], 'spasm: --trigger must not be empty'],
    [['log', '--trigger', 'lifting'], 'spasm: without a terminal, log needs --onset and --pain'],
    [['log', 'list', '--since', 'soon'], 'spasm: --since "soon" is not a time I can read'],
    [['log', 'show', 'ezzzzz'], 'spasm: no episode with the id "ezzzzz"'],
    [['log', 'edit', 'e', '--pain', '3'], 'spasm: "e" is too short to pick an episode: '],
    [['log', 'edit', 'e'], 'spasm: "e" is too short to pick an episode: '],
    [['log', 'end', '--at', 'now'], 'spasm: there is no ongoing episode to end'],
    [['log', 'delete', 'enope', '--yes'], 'spasm: no episode with the id "enope"'],
  ];
  it.each(refusals.map(([args, line]) => [args.join(' ').slice(0, 70), args, line] as const))('%s → exit 2, one line naming what is wrong, the store byte for byte unchanged', (_label, args, line) => {
    const dir = tempDataDir();
    add(dir, '--onset', '2026-11-01', '--pain', '6', '--lasted', '1d');
    add(dir, '--onset', '2026-11-10', '--pain', '6', '--lasted', '1d');
    const before = readFileSync(join(dir, 'spasm.json'));
    const r = runSpasm(args, { dataDir: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(line);
    expect(r.stderr.split('\n').length).toBeLessThanOrEqual(3);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'spasm.json'))).toEqual(before);
  });

  it('a note with escape sequences is stored as typed and neutralised in show and list', () => {
    const dir = tempDataDir();
    const note = 'ok\u001b[2J\u001b]0;title\u0007 \u009b31m\rgone';
    const id = add(dir, '--onset', '1d ago', '--pain', '4', '--ongoing', '--note', note, '--trigger', 'x\u001b[31my');
    expect(storeOf(dir).episodes[0]!.notes).toBe(note);
    for (const args of [['log', 'show', id], ['log', 'list']]) {
      const r = runSpasm(args, { dataDir: dir, env: { ...env, FORCE_COLOR: undefined } });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(runSpasm(['log', 'show', id], { dataDir: dir, env }).stdout).toContain('ok␛[2J␛]0;title\\x07 \\x9b31m\\x0dgone');
  });

  it('a corrupt store is refused with exit 3 by every log command and left byte for byte', () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'spasm.json');
    const content = '{"schemaVersion":1,"episodes":[{"id":"eabcd"';
    writeFileSync(file, content);
    for (const args of [
      ['log', '--onset', 'now', '--pain', '3'],
      ['log', 'list'],
      ['log', 'list', '--json'],
      ['log', 'show', 'eabcd'],
      ['log', 'edit', 'eabcd', '--pain', '3'],
      ['log', 'end'],
      ['log', 'delete', 'eabcd', '--yes'],
    ]) {
      const r = runSpasm(args, { dataDir: dir, env });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain(file);
      expect(r.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });
});

describe('log writers at once', () => {
  it('two processes × 12 `spasm log` at once keep all 24', async () => {
    const dir = tempDataDir();
    const writer = async (who: string) => {
      for (let i = 0; i < 12; i++) {
        const r = await runSpasmAsync(['log', '--onset', `${i + 1}d ago`, '--pain', '5', '--lasted', '3h', '--note', `${who}${i}`], { dataDir: dir, env });
        expect(r.code, r.stderr).toBe(0);
      }
    };
    await Promise.all([writer('a'), writer('b')]);
    const episodes = storeOf(dir).episodes;
    expect(episodes).toHaveLength(24);
    expect(new Set(episodes.map((e) => e.notes)).size).toBe(24);
    expect(new Set(episodes.map((e) => e.id)).size).toBe(24);
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
