// The foundation through the built binary (npm test builds it first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli.js';
import { emptyStore, type Episode } from '../../src/core/records.js';
import { runSpasm, runSpasmAsync, spawnSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

const NOW = '2026-11-27T10:00:00+01:00';
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** An export document file holding `episodes`. */
function exportFile(episodes: Episode[], name = 'export.json'): string {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ format: 'spasm-export', schemaVersion: 1, exportedAt: NOW, episodes, routineSessions: [], settings: {} }));
  return file;
}

/** A data dir whose store holds `content` as given. */
function storeWith(content: string): { dir: string; file: string } {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'spasm.json'), content);
  return { dir, file: join(dir, 'spasm.json') };
}

const idOf = (i: number, prefix: string) => `e${prefix}${'abcdefghjk'[Math.floor(i / 10)]}${'abcdefghjk'[i % 10]}q`;

describe('the command line', () => {
  it('--version prints the version', () => {
    expect(runSpasm(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(runSpasm(['-V']).stdout).toBe(`${pkg.version}\n`);
  });

  it('--help lists every command, exit 0', () => {
    const r = runSpasm(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stderr).toBe('');
  });

  it('spasm alone shows the help, exit 0', () => {
    const alone = runSpasm([]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe(runSpasm(['--help']).stdout);
    expect(alone.stdout).toContain('spasm start');
  });

  it('the pre-rendered --help is byte for byte what the program prints', () => {
    let live = '';
    const program = createProgram(pkg.version, () => ({}) as never, { writeOut: (s) => void (live += s) });
    program.outputHelp();
    expect(runSpasm(['--help']).stdout).toBe(live);
    expect(runSpasm(['-h']).stdout).toBe(live);
    // With anything else on the line, the program itself answers.
    expect(runSpasm(['--help', '--no-color']).stdout).toBe(live);
  });

  it.each([
    [['bogus'], "spasm: unknown command 'bogus'"],
    [['status', '--bogus'], "spasm: unknown option '--bogus'"],
  ])('%j → exit 2 with one line, no stack trace', (args, line) => {
    const r = runSpasm(args, { dataDir: tempDataDir() });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toBe(line);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it.each([
    ['SPASM_NOW', 'yesterday-ish', 'spasm: SPASM_NOW "yesterday-ish" is not an ISO 8601 date-time'],
    ['SPASM_TIME_SCALE', '0', 'spasm: SPASM_TIME_SCALE "0" must be a number greater than 0, up to 1000000'],
    ['SPASM_TIME_SCALE', 'fast', 'spasm: SPASM_TIME_SCALE "fast" must be a number greater than 0, up to 1000000'],
  ])('invalid %s=%s → exit 2', (name, value, line) => {
    const r = runSpasm(['status'], { dataDir: tempDataDir(), env: { [name]: value } });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(line);
  });

  it('--debug adds a stack trace to an error', () => {
    const { dir } = storeWith('{broken');
    expect(runSpasm(['status'], { dataDir: dir }).stderr).not.toMatch(/\n\s+at /);
    expect(runSpasm(['status', '--debug'], { dataDir: dir }).stderr).toMatch(/\n\s+at /);
  });

  it('the program is one CommonJS bundle (and the store validator, loaded only to check), in strict mode', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const bundles = readdirSync(dist).filter((name) => name.endsWith('.cjs'));
    expect(bundles).toEqual(['main.cjs', 'store-validate.cjs']);
    for (const name of bundles) expect(readFileSync(new URL(name, dist), 'utf8').startsWith('"use strict";')).toBe(true);
  });

  it('conf is bundled without what spasm never uses: ajv, ajv-formats, semver, debounce-fn are stubs that throw', () => {
    const main = readFileSync(new URL('../../dist/main.cjs', import.meta.url), 'utf8');
    for (const name of ['ajv', 'ajv-formats', 'debounce-fn', 'semver']) expect(main).toMatch(new RegExp(`fail\\d*\\("${name}"\\)`));
    // Code of the real packages (ajv's error class, semver's comparator, ajv-formats' list) is not in it.
    for (const marker of ['MissingRefError', 'COMPARATORTRIM', 'fastFormats']) expect(main).not.toContain(marker);
    // And that bundle reads and writes the store (the store tests here run conf unbundled).
    const dir = tempDataDir();
    expect(runSpasm(['log', '--onset', '2h ago', '--pain', '5', '--lasted', '1h'], { dataDir: dir }).code).toBe(0);
    expect(runSpasm(['log', 'list', '--json'], { dataDir: dir }).stdout).toContain('"peakPain": 5');
  });

  it('a global option before the command runs it the same', () => {
    const dir = tempDataDir();
    const first = runSpasm(['--data-dir', dir, 'log', '--onset', '2h ago', '--pain', '5', '--lasted', '1h', '--json'], { env: { SPASM_NOW: NOW } });
    expect(first.code).toBe(0);
    const id = (JSON.parse(first.stdout) as { id: string }).id;
    const after = runSpasm(['log', 'show', id, '--json', '--data-dir', dir], { env: { SPASM_NOW: NOW } });
    expect(after).toEqual({ ...first, stdout: after.stdout });
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(first.stdout));
  });

  it('--data-dir wins over SPASM_DATA_DIR', () => {
    const flagDir = tempDataDir();
    const file = exportFile([episode({ id: 'eaaaa', onset: NOW })]);
    expect(runSpasm(['import', file, '--data-dir', flagDir], { dataDir: tempDataDir() }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(flagDir, 'spasm.json'), 'utf8')).episodes).toHaveLength(1);
  });
});

describe('colour', () => {
  const withEpisode = () => {
    const dir = tempDataDir();
    runSpasm(['import', exportFile([episode({ id: 'eaaaa', onset: NOW, redFlags: { at: NOW, positive: ['fever'], tier: 'same-day' } })])], { dataDir: dir });
    return dir;
  };
  it('FORCE_COLOR=1 colours; --no-color and NO_COLOR win', () => {
    const dir = withEpisode();
    const env = { SPASM_NOW: NOW, NO_COLOR: undefined, FORCE_COLOR: '1' };
    expect(runSpasm(['status'], { dataDir: dir, env }).stdout).toContain('\u001b[');
    expect(runSpasm(['status', '--no-color'], { dataDir: dir, env }).stdout).not.toContain('\u001b[');
    expect(runSpasm(['status'], { dataDir: dir, env: { SPASM_NOW: NOW, NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
  it('no colour in a pipe by default', () => {
    expect(runSpasm(['status'], { dataDir: withEpisode(), env: { SPASM_NOW: NOW, NO_COLOR: undefined } }).stdout).not.toContain('\u001b[');
  });
});

describe('a store spasm cannot use is refused (exit 3) and left byte for byte', () => {
  it.each([
    ['corrupt', '{"schemaVersion":1,"episodes":[', 'is not valid JSON'],
    ['newer', JSON.stringify({ ...emptyStore(), schemaVersion: 99 }), 'newer spasm'],
    ['damaged', JSON.stringify({ ...emptyStore(), episodes: 'x' }), 'is damaged'],
  ])('%s', (_name, content, reason) => {
    const { dir, file } = storeWith(content);
    const importFile = exportFile([episode({ id: 'eaaaa', onset: NOW })]);
    for (const args of [['status'], ['status', '--json'], ['export'], ['import', importFile], ['timer', 'cold', '--minutes', '1']]) {
      const r = runSpasm(args, { dataDir: dir, env: { SPASM_TIME_SCALE: '10000' } });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(reason);
      expect(r.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });

  it('an unwritable data directory is exit 3', () => {
    const file = exportFile([episode({ id: 'eaaaa', onset: NOW })]);
    // Under a regular file: ENOTDIR for anyone, root included.
    const r = runSpasm(['import', file], { dataDir: join(file, 'data') });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^spasm: cannot create the data directory .*export\.json\/data: ENOTDIR/);
  });
});

describe('export and import', () => {
  it('export then import into an empty store gives back the same data', () => {
    const a = tempDataDir();
    const e1 = episode({ id: 'eaaaa', onset: '2026-01-01T08:00:00+01:00', endedAt: '2026-01-03T08:00:00+01:00', notes: 'é ✓ "quoted"\nline', triggers: ['lifting'], pain: [{ at: '2026-01-01T08:00:00+01:00', score: 7 }] });
    expect(runSpasm(['import', exportFile([e1, episode({ id: 'ebbbb', onset: NOW })])], { dataDir: a }).stdout).toBe('Imported 2 episodes and 0 routine sessions.\n');
    const first = runSpasm(['export'], { dataDir: a, env: { SPASM_NOW: NOW } });
    expect(first.code).toBe(0);
    const b = tempDataDir();
    const dumped = join(tempDataDir(), 'x.json');
    mkdirSync(join(dumped, '..'), { recursive: true });
    writeFileSync(dumped, first.stdout);
    expect(runSpasm(['import', dumped], { dataDir: b }).code).toBe(0);
    expect(runSpasm(['export'], { dataDir: b, env: { SPASM_NOW: NOW } }).stdout).toBe(first.stdout);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'spasm-export', schemaVersion: 2, exportedAt: NOW, settings: {} });
  });

  it('a second import skips and counts what is present', () => {
    const dir = tempDataDir();
    const file = exportFile([episode({ id: 'eaaaa', onset: NOW })]);
    runSpasm(['import', file], { dataDir: dir });
    expect(runSpasm(['import', file], { dataDir: dir }).stdout).toBe('Imported 0 episodes and 0 routine sessions; skipped 1 already present (1 episode, 0 sessions).\n');
  });

  it('export --output refuses to overwrite without --force; writes 0600', () => {
    const dir = tempDataDir();
    const out = join(tempDataDir(), 'backup.json');
    mkdirSync(join(out, '..'), { recursive: true });
    expect(runSpasm(['export', '--output', out], { dataDir: dir }).code).toBe(0);
    writeFileSync(out, 'mine');
    const r = runSpasm(['export', '--output', out], { dataDir: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--output "${out}" already exists`);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(runSpasm(['export', '--output', out, '--force'], { dataDir: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('spasm-export');
  });

  it.each([
    ['missing', null, 'cannot read'],
    ['not JSON', '{"format":', 'is not valid JSON'],
    ['not an export', '{"hello":1}', 'is not a spasm export'],
    ['newer', JSON.stringify({ format: 'spasm-export', schemaVersion: 7 }), 'newer spasm'],
    [
      'invalid records',
      JSON.stringify({ format: 'spasm-export', schemaVersion: 1, exportedAt: NOW, episodes: [{ ...episode({ id: 'ecccc', onset: NOW }), peakPain: 12 }, episode({ id: 'edddd', onset: 'yesterday' })], routineSessions: [], settings: {} }),
      'is invalid (2 problems)',
    ],
  ])('an import that is %s is exit 2 and changes nothing', (_name, content, message) => {
    const dir = tempDataDir();
    runSpasm(['import', exportFile([episode({ id: 'eaaaa', onset: NOW })])], { dataDir: dir });
    const before = readFileSync(join(dir, 'spasm.json'));
    const file = join(tempDataDir(), 'in.json');
    if (content !== null) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, content);
    }
    const r = runSpasm(['import', file], { dataDir: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readFileSync(join(dir, 'spasm.json'))).toEqual(before);
    if (_name === 'invalid records') {
      expect(r.stderr).toContain('$.episodes[0].peakPain: must be at most 10');
      expect(r.stderr).toContain('$.episodes[1].onset: must be a date-time with its offset, like 2026-11-27T09:30:00+01:00');
    }
  });
});

describe('writers at once', () => {
  it('two processes writing 12 records each at once keep all 24', async () => {
    const dir = tempDataDir();
    const files = (prefix: string) => Array.from({ length: 12 }, (_, i) => exportFile([episode({ id: idOf(i, prefix), onset: NOW })]));
    const writer = async (list: string[]) => {
      for (const f of list) {
        const r = await runSpasmAsync(['import', f], { dataDir: dir });
        expect(r.code, r.stderr).toBe(0);
      }
    };
    await Promise.all([writer(files('m')), writer(files('n'))]);
    const doc = JSON.parse(readFileSync(join(dir, 'spasm.json'), 'utf8')) as { episodes: Episode[] };
    expect(doc.episodes).toHaveLength(24);
  }, 60_000);

  it('writers killed with SIGKILL at random moments leave a readable store with every acknowledged write, and no lock that blocks', async () => {
    const dir = tempDataDir();
    const acknowledged: string[] = [];
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let round = 0; round < 4; round++) {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => {
          const id = idOf(round * 5 + i, 'k');
          const child = spawnSpasm(['import', exportFile([episode({ id, onset: NOW })])], { dataDir: dir });
          // One writer in five runs free, so some writes are always acknowledged even on a slow machine.
          const killAt = i === 0 ? undefined : setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(random() * 1450));
          return new Promise<void>((done) =>
            child.on('exit', (code) => {
              clearTimeout(killAt);
              if (code === 0) acknowledged.push(id);
              done();
            }),
          );
        }),
      );
    }
    // Some writers must have finished, or this test proves nothing.
    expect(acknowledged.length).toBeGreaterThan(0);
    // A killed lock holder may leave its lock behind: the next writer must get through within a few seconds.
    const started = Date.now();
    const last = await runSpasmAsync(['import', exportFile([episode({ id: 'ezzzz', onset: NOW })])], { dataDir: dir });
    expect(last.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(8_000);
    const status = runSpasm(['export'], { dataDir: dir });
    expect(status.code).toBe(0);
    const ids = (JSON.parse(status.stdout) as { episodes: Episode[] }).episodes.map((e) => e.id);
    for (const id of [...acknowledged, 'ezzzz']) expect(ids).toContain(id);
  }, 90_000);
});

describe('timer through the binary', () => {
  it('records a 20-minute cold session on the ongoing episode, in 20/n real minutes', () => {
    const dir = tempDataDir();
    runSpasm(['import', exportFile([episode({ id: 'e7k2q', onset: '2026-11-27T00:00:00+01:00' })])], { dataDir: dir });
    const started = Date.now();
    const r = runSpasm(['timer', 'cold'], { dataDir: dir, env: { SPASM_NOW: NOW, SPASM_TIME_SCALE: '2400' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Done: 20 min of cold. Saved on episode e7k2q.');
    const status = JSON.parse(runSpasm(['status', '--json'], { dataDir: dir, env: { SPASM_NOW: '2026-11-27T11:00:00+01:00' } }).stdout);
    // The scaled clock runs from start-up, so the session starts a little after SPASM_NOW.
    const { start, end } = status.lastTherapy;
    expect(Date.parse(start) - Date.parse(NOW)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(start) - Date.parse(NOW)).toBeLessThan(5 * 60_000);
    expect(Date.parse(end) - Date.parse(start)).toBe(20 * 60_000);
    expect(status.nextTherapy.kind).toBe('cold');
    expect(Date.parse(status.nextTherapy.earliest) - Date.parse(end)).toBe(3_600_000);
    expect(Date.parse(status.nextTherapy.latest) - Date.parse(end)).toBe(7_200_000);
  });

  it('Ctrl-C (SIGINT) records the part done and exits 130', async () => {
    const dir = tempDataDir();
    runSpasm(['import', exportFile([episode({ id: 'e7k2q', onset: '2026-11-27T00:00:00+01:00' })])], { dataDir: dir });
    // 60× faster: 20 minutes take 20 s; stop after about 4 s ≈ 4 minutes.
    const child = spawnSpasm(['timer', 'heat'], { dataDir: dir, env: { SPASM_NOW: NOW, SPASM_TIME_SCALE: '60' } });
    let stderr = '';
    // Counted from the first line the timer prints, so a slow start-up (a loaded machine) does not shorten it.
    child.stderr.on('data', (d) => {
      if (stderr === '') setTimeout(() => child.kill('SIGINT'), 4_000);
      stderr += d;
    });
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Stopped after [3-5] min\. Saved on episode e7k2q\./);
    const therapy = JSON.parse(readFileSync(join(dir, 'spasm.json'), 'utf8')).episodes[0].therapy;
    expect(therapy).toHaveLength(1);
    expect(therapy[0].kind).toBe('heat');
    const minutes = (Date.parse(therapy[0].end) - Date.parse(therapy[0].start)) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(3);
    expect(minutes).toBeLessThanOrEqual(5);
  });
});

describe('store files', () => {
  it('the store is 0600 in a 0700 directory', () => {
    const dir = tempDataDir();
    runSpasm(['import', exportFile([episode({ id: 'eaaaa', onset: NOW })])], { dataDir: dir });
    expect(execFileSync('stat', ['-c', '%a', dir, join(dir, 'spasm.json')], { encoding: 'utf8' })).toBe('700\n600\n');
  });
});
