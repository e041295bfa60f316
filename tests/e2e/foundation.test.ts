// The foundation through the built binary (npm test builds it first): what
// only a real process shows. The refusal tables run in process
// (tests/commands/bad-input.test.ts, store-refusal.test.ts, tests/deps.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli.js';
import { emptyStore } from '../../src/core/records.js';
import { runSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode, exportFile } from '../helpers/records.js';

const NOW = '2026-11-27T10:00:00+01:00';
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** A data dir whose store holds `content` as given. */
function storeWith(content: string): { dir: string; file: string } {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'spasm.json'), content);
  return { dir, file: join(dir, 'spasm.json') };
}

describe('the command line', () => {
  it('--version and -V print the version; --help, -h and spasm alone print the pre-rendered help, byte for byte what the program prints', () => {
    expect(runSpasm(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(runSpasm(['-V']).stdout).toBe(`${pkg.version}\n`);
    let live = '';
    const program = createProgram(pkg.version, () => ({}) as never, { writeOut: (s) => void (live += s) });
    program.outputHelp();
    expect(live).toContain('Examples:');
    expect(live).toContain('spasm start');
    for (const args of [['--help'], ['-h'], []]) expect(runSpasm(args), args.join(' ')).toEqual({ code: 0, stdout: live, stderr: '' });
    // With anything else on the line, the program itself answers.
    expect(runSpasm(['--help', '--no-color']).stdout).toBe(live);
  });

  it('exit 2 for bad usage and for a bad SPASM_NOW, one line and no stack trace', () => {
    const dataDir = tempDataDir();
    const usage = runSpasm(['status', '--bogus'], { dataDir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe("spasm: unknown option '--bogus'\n");
    const env = runSpasm(['status'], { dataDir, env: { SPASM_NOW: 'yesterday-ish' } });
    expect(env.code).toBe(2);
    expect(env.stderr.split('\n')[0]).toBe('spasm: SPASM_NOW "yesterday-ish" is not an ISO 8601 date-time');
    expect(env.stderr).not.toMatch(/\n\s+at /);
  });

  it('the program is one CommonJS bundle (and the store validator, loaded only to check), in strict mode', () => {
    const dist = new URL('../../dist/', import.meta.url);
    const bundles = readdirSync(dist).filter((name) => name.endsWith('.cjs'));
    expect(bundles).toEqual(['main.cjs', 'store-validate.cjs']);
    for (const name of bundles) expect(readFileSync(new URL(name, dist), 'utf8').startsWith('"use strict";')).toBe(true);
  });

  it('conf is bundled without what spasm never uses: ajv, ajv-formats, semver, debounce-fn are stubs that throw', () => {
    // Every run below that reads or writes a store shows that this bundle's conf works.
    const main = readFileSync(new URL('../../dist/main.cjs', import.meta.url), 'utf8');
    for (const name of ['ajv', 'ajv-formats', 'debounce-fn', 'semver']) expect(main).toMatch(new RegExp(`fail\\d*\\("${name}"\\)`));
    // Code of the real packages (ajv's error class, semver's comparator, ajv-formats' list) is not in it.
    for (const marker of ['MissingRefError', 'COMPARATORTRIM', 'fastFormats']) expect(main).not.toContain(marker);
  });
});

describe('colour', () => {
  it('FORCE_COLOR=1 colours; none in a pipe by default', () => {
    const { dir } = storeWith(JSON.stringify({ ...emptyStore(), episodes: [episode({ id: 'eaaaa', onset: NOW, redFlags: { at: NOW, positive: ['fever'], tier: 'same-day' } })] }));
    const forced = runSpasm(['status'], { dataDir: dir, env: { SPASM_NOW: NOW, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('\u001b[');
    const piped = runSpasm(['status'], { dataDir: dir, env: { SPASM_NOW: NOW, NO_COLOR: undefined } });
    expect(piped.stdout).toContain('eaaaa');
    expect(piped.stdout).not.toContain('\u001b[');
  });
});

describe('a store spasm cannot use', () => {
  it.each([
    ['corrupt', '{"schemaVersion":1,"episodes":[', ['status'], 'is not valid JSON'],
    ['newer', JSON.stringify({ ...emptyStore(), schemaVersion: 99 }), ['import', 'FILE'], 'newer spasm'],
  ])('%s: exit 3 naming it, left byte for byte', (_name, content, args, reason) => {
    const { dir, file } = storeWith(content);
    const r = runSpasm(args.map((a) => (a === 'FILE' ? exportFile([episode({ id: 'eaaaa', onset: NOW })]) : a)), { dataDir: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(reason);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('export and import', () => {
  it('export then import into an empty store gives back the same data; --data-dir (before the command) wins over SPASM_DATA_DIR; the store is 0600 in a 0700 directory', () => {
    const a = tempDataDir();
    const elsewhere = tempDataDir();
    const e1 = episode({ id: 'eaaaa', onset: '2026-01-01T08:00:00+01:00', endedAt: '2026-01-03T08:00:00+01:00', notes: 'é ✓ "quoted"\nline', triggers: ['lifting'], pain: [{ at: '2026-01-01T08:00:00+01:00', score: 7 }] });
    const imported = runSpasm(['--data-dir', a, 'import', exportFile([e1, episode({ id: 'ebbbb', onset: NOW })])], { dataDir: elsewhere });
    expect(imported).toEqual({ code: 0, stdout: 'Imported 2 episodes and 0 routine sessions.\n', stderr: '' });
    expect(readdirSync(join(elsewhere, '..'))).toEqual([]);
    expect(execFileSync('stat', ['-c', '%a', a, join(a, 'spasm.json')], { encoding: 'utf8' })).toBe('700\n600\n');
    const first = runSpasm(['export'], { dataDir: a, env: { SPASM_NOW: NOW } });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ format: 'spasm-export', schemaVersion: 2, exportedAt: NOW, settings: {} });
    const dumped = join(tempDataDir(), 'x.json');
    mkdirSync(join(dumped, '..'), { recursive: true });
    writeFileSync(dumped, first.stdout);
    const b = tempDataDir();
    expect(runSpasm(['import', dumped], { dataDir: b }).code).toBe(0);
    expect(runSpasm(['export'], { dataDir: b, env: { SPASM_NOW: NOW } }).stdout).toBe(first.stdout);
  });
});

describe('timer and status through the binary', () => {
  it('records a 20-minute cold session on the ongoing episode, in 20/n real minutes; status --json gives the next window', () => {
    const { dir } = storeWith(JSON.stringify({ ...emptyStore(), episodes: [episode({ id: 'e7k2q', onset: '2026-11-27T00:00:00+01:00' })] }));
    const started = Date.now();
    const r = runSpasm(['timer', 'cold'], { dataDir: dir, env: { SPASM_NOW: NOW, SPASM_TIME_SCALE: '6000' } });
    const ranMs = Date.now() - started;
    expect(ranMs).toBeLessThan(5_000);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Done: 20 min of cold. Saved on episode e7k2q.');
    const status = JSON.parse(runSpasm(['status', '--json'], { dataDir: dir, env: { SPASM_NOW: '2026-11-27T11:00:00+01:00' } }).stdout);
    // The scaled clock runs from start-up, so the session starts a little after SPASM_NOW:
    // within the program time of the real time the run took.
    const { start, end } = status.lastTherapy;
    expect(Date.parse(start) - Date.parse(NOW)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(start) - Date.parse(NOW)).toBeLessThan((ranMs - 20 * 60_000 / 6000) * 6000);
    expect(Date.parse(end) - Date.parse(start)).toBe(20 * 60_000);
    expect(status.nextTherapy.kind).toBe('cold');
    expect(Date.parse(status.nextTherapy.earliest) - Date.parse(end)).toBe(3_600_000);
    expect(Date.parse(status.nextTherapy.latest) - Date.parse(end)).toBe(7_200_000);
  });
});
