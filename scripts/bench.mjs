// `npm run bench`: start-up cost of each command as a ratio to bare
// `node -e 0`, medians of interleaved runs in one process, on two generated
// stores loaded through `spasm import`: 10 years (300 episodes, 3,650
// routine sessions) and 1 year (30 episodes, 365 sessions). NODE_EXTRA_CA_CERTS is unset for every command alike (it
// costs Node 20 about 80 ms at every start). Ratios, not milliseconds, are
// what to compare across machines.
//   node scripts/bench.mjs [--runs 15] [--check] [--compare <other bin/spasm.js>]
// --check: exit 1 over a limit. --compare: the same cases for another build
// (each with its own stores), interleaved in the same run, so that both
// tables meet the same load.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { history } from './gen-store.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const check = args.includes('--check');
const bin = fileURLToPath(new URL('../bin/spasm.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.FORCE_COLOR;
delete env.SPASM_DATA_DIR;

const work = mkdtempSync(join(tmpdir(), 'spasm-bench-'));
const now = Date.now();
/**
 * A data dir holding `years` of generated history, imported by `bin`. A build
 * from before schema version 2 gets the same history without check-ins.
 */
function storeOf(years, bin, label = '') {
  const dataDir = join(work, `data-${years}y${label.replace(/\W/g, '')}`);
  const storeFile = join(work, `${years}y${label.replace(/\W/g, '')}.json`);
  const doc = history(now, years);
  writeFileSync(storeFile, JSON.stringify(doc));
  let imported = spawnSync(process.execPath, [bin, 'import', storeFile, '--data-dir', dataDir], { env, encoding: 'utf8' });
  if (imported.status !== 0 && /newer spasm/.test(imported.stderr)) {
    console.log(`${label}${years}y: this build reads schema version 1: its store has no check-ins`);
    writeFileSync(storeFile, JSON.stringify({ ...doc, schemaVersion: 1, episodes: doc.episodes.map(({ activities, checkins, ...e }) => e) }));
    imported = spawnSync(process.execPath, [bin, 'import', storeFile, '--data-dir', dataDir], { env, encoding: 'utf8' });
  }
  if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
  return dataDir;
}
const other = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined;

/** Runs to exit; resolves the wall time in ms. */
function timeExit(argv, dataDir) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, argv, { env: { ...env, SPASM_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.resume();
    child.on('exit', (code) => (code === 0 ? done(performance.now() - t0) : fail(new Error(`${argv.slice(1).join(' ')} exited ${code}: ${err}`))));
  });
}

/** Runs in a pseudo-terminal until its first screen (any output) appears; resolves that time. */
async function timeFirstScreen(argv, dataDir) {
  const pty = await import('node-pty');
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const term = pty.spawn(process.execPath, argv, { cols: 80, rows: 30, env: { ...env, SPASM_DATA_DIR: dataDir } });
    let seen = false;
    term.onData(() => {
      if (seen) return;
      seen = true;
      const t = performance.now() - t0;
      term.kill();
      done(t);
    });
    term.onExit(() => seen || fail(new Error(`${argv.slice(1).join(' ')} exited before showing anything`)));
  });
}

let logN = 0;
const logAdd = () => ['log', '--onset', `${(logN++ % 500) + 120}m ago`, '--pain', '4', '--lasted', '1h'];
/** The cases for one build; `label` tells two builds apart. */
function casesOf(bin, label = '') {
  const tenYearDir = storeOf(10, bin, label);
  const oneYearDir = storeOf(1, bin, label);
  const name = (text) => `${label}${text}`;
  return [
    { name: name('spasm --version'), limit: 1.3, run: () => timeExit([bin, '--version']) },
    { name: name('spasm --help'), limit: 1.3, run: () => timeExit([bin, '--help']) },
    { name: name('10y status --json'), limit: 2.5, run: () => timeExit([bin, 'status', '--json'], tenYearDir) },
    { name: name('10y report --format json'), limit: 3, run: () => timeExit([bin, 'report', '--format', 'json'], tenYearDir) },
    { name: name('10y log (add one)'), limit: 3.5, run: () => timeExit([bin, ...logAdd()], tenYearDir) },
    { name: name('10y start (first screen)'), limit: 2, run: () => timeFirstScreen([bin, 'start', '--new'], tenYearDir) },
    { name: name('1y status --json'), limit: 2, run: () => timeExit([bin, 'status', '--json'], oneYearDir) },
    { name: name('1y report --format json'), limit: 2, run: () => timeExit([bin, 'report', '--format', 'json'], oneYearDir) },
    { name: name('1y log (add one)'), limit: 2.5, run: () => timeExit([bin, ...logAdd()], oneYearDir) },
  ];
}
const cases = [{ name: 'node -e 0 (baseline)', run: () => timeExit(['-e', '0']) }, ...casesOf(bin), ...(other ? casesOf(other, 'other: ') : [])];

// Leave out commands this build does not have yet, saying so.
const available = [];
for (const c of cases) {
  try {
    await c.run();
    available.push(c);
  } catch (error) {
    console.log(`skipped ${c.name}: ${String(error.message).split('\n')[0]}`);
  }
}

const times = new Map(available.map((c) => [c.name, []]));
for (let i = 0; i < runs; i++) for (const c of available) times.get(c.name).push(await c.run());
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times.get(cases[0].name));
console.log(`\n${runs} interleaved runs each; stores: 10y (300 episodes with check-ins, 3650 routine sessions), 1y (30, 365); node ${process.version}\n`);
console.log(`${'command'.padEnd(37)} ${'median'.padStart(9)} ${'ratio'.padStart(7)}  limit`);
let over = false;
for (const c of available) {
  const m = median(times.get(c.name));
  const ratio = m / base;
  const verdict = c.limit === undefined ? '' : ratio <= c.limit ? `≤ ${c.limit}×  ok` : `≤ ${c.limit}×  OVER`;
  if (c.limit !== undefined && ratio > c.limit) over = true;
  console.log(`${c.name.padEnd(37)} ${`${m.toFixed(1)} ms`.padStart(9)} ${`${ratio.toFixed(2)}×`.padStart(7)}  ${verdict}`);
}
if (check && over) process.exitCode = 1;
