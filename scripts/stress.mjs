// `npm run stress`: the store under abuse, on a generated 10-year store.
// - kill loop: writers (`spasm log`) SIGKILLed at random moments, until at
//   least --kills (default 30) were killed while running; after each round
//   the store must read, and hold every write that was acknowledged (exit 0);
// - parallel writers: 8 processes × 10 `spasm log` at once; all 80 kept.
// Prints the counts; exits 1 on any corrupt store or lost write.
//   node scripts/stress.mjs [--kills 30] [--writers 8] [--each 10]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { history } from './gen-store.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const bin = fileURLToPath(new URL('../bin/spasm.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'spasm-stress-'));
const env = { ...process.env, NO_COLOR: '1' };
delete env.NODE_EXTRA_CA_CERTS;
delete env.SPASM_NOW;

function freshStore(name) {
  const dir = join(work, name);
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(history(Date.now(), 10)));
  const r = spawnSync(process.execPath, [bin, 'import', file, '--data-dir', dir], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return dir;
}

/** The notes of every episode in the store, or why it cannot be read. */
function notesIn(dir) {
  const r = spawnSync(process.execPath, [bin, 'export', '--data-dir', dir], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) return { error: r.stderr.trim() };
  return { notes: new Set(JSON.parse(r.stdout).episodes.map((e) => e.notes)) };
}

const errors = new Map();
function logWriter(dir, note, minutesAgo) {
  const child = spawn(process.execPath, [bin, 'log', '--onset', `${minutesAgo}m ago`, '--pain', '4', '--lasted', '1m', '--note', note, '--data-dir', dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  child.on('exit', () => err && errors.set(err.split('\n')[0], (errors.get(err.split('\n')[0]) ?? 0) + 1));
  return child;
}

let seed = 20261201;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
let failed = false;

// Kill loop.
if (!args.includes('--no-kill')) {
  const dir = freshStore('kill');
  const wanted = arg('--kills', 30);
  const acknowledged = [];
  let killed = 0;
  let corrupt = 0;
  let round = 0;
  while (killed < wanted) {
    round++;
    await Promise.all(
      Array.from({ length: 4 }, (_, i) => {
        const note = `k${round}-${i}`;
        const child = logWriter(dir, note, round * 4 + i + 10);
        const timer = setTimeout(() => child.kill('SIGKILL'), 30 + Math.floor(random() * 600));
        return new Promise((done) =>
          child.on('exit', (code, signal) => {
            clearTimeout(timer);
            if (code === 0) acknowledged.push(note);
            if (signal === 'SIGKILL') killed++;
            done();
          }),
        );
      }),
    );
    const read = notesIn(dir);
    if (read.error) {
      corrupt++;
      console.log(`round ${round}: the store does not read: ${read.error}`);
      break;
    }
  }
  const started = Date.now();
  const last = spawnSync(process.execPath, [bin, 'log', '--onset', '5m ago', '--pain', '2', '--lasted', '1m', '--note', 'last', '--data-dir', dir], { env, encoding: 'utf8' });
  const lastMs = Date.now() - started;
  const read = notesIn(dir);
  const lost = read.notes ? [...acknowledged, 'last'].filter((n) => !read.notes.has(n)) : ['(unreadable)'];
  const left = readdirSync(dir).filter((n) => n !== 'spasm.json' && n !== 'spasm.json.verified');
  console.log(`kill loop: ${killed} writers SIGKILLed in ${round} rounds on a 10-year store, ${acknowledged.length} writes acknowledged; corrupt ${corrupt}, lost ${lost.length}; next write exit ${last.status} in ${lastMs} ms; left behind: ${left.length ? left.join(', ') : 'nothing'}`);
  if (corrupt || lost.length || last.status !== 0 || left.length) failed = true;
}

// Parallel writers.
if (!args.includes('--no-parallel')) {
  errors.clear();
  const dir = freshStore('parallel');
  const writers = arg('--writers', 8);
  const each = arg('--each', 10);
  const codes = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        const code = await new Promise((done) => logWriter(dir, `p${w}-${i}`, w * each + i + 10).on('exit', done));
        codes.push(code);
      }
    }),
  );
  const read = notesIn(dir);
  const kept = read.notes ? Array.from({ length: writers * each }, (_, k) => `p${Math.floor(k / each)}-${k % each}`).filter((n) => read.notes.has(n)).length : 0;
  const failedWrites = codes.filter((c) => c !== 0).length;
  console.log(`parallel writers: ${writers} × ${each} on a 10-year store: ${kept} of ${writers * each} kept, ${failedWrites} exited non-zero${read.error ? `; store unreadable: ${read.error}` : ''}`);
  for (const [line, n] of errors) console.log(`  ${n} × ${line}`);
  if (kept !== writers * each || failedWrites) failed = true;
}

if (failed) process.exitCode = 1;
