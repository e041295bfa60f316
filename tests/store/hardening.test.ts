// The store's guarantees around conf (issue #13 items 5, 8, 10): the lock
// with a stalled and a stopped holder, modes, and what writers leave behind.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode, StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

const onset = '2026-11-20T08:00:00+01:00';
const add = (id: string) => (doc: { episodes: unknown[] }) => void doc.episodes.push(episode({ id, onset }));
let holder: string;
beforeAll(async () => {
  // Bundled once, so each holder starts in a tenth of the time `node --import tsx` takes.
  holder = join(mkdtempSync(join(tmpdir(), 'spasm-holder-')), 'hold-store.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../helpers/hold-store.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: holder,
    logLevel: 'warning',
    // conf and its parts are CommonJS inside.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
});

/** Starts a writer in another process that holds the lock for `ms`, or until `release()`; resolves once it holds it. */
async function holdInAnotherProcess(dir: string, ms: number) {
  const releaseFile = join(mkdtempSync(join(tmpdir(), 'spasm-release-')), 'release');
  const child = spawn(process.execPath, [holder, dir, String(ms), releaseFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', () => out.includes('holding') && done());
    child.on('exit', (code) => fail(new Error(`holder exited ${code} before holding`)));
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, exited, saved: () => out.includes('saved'), release: () => writeFileSync(releaseFile, '') };
}

async function storeWithOne(dir = tempDataDir()) {
  const store = openStore(dir);
  await store.update(add('eaaaa'));
  return store;
}

describe('the lock stays exclusive however long its holder takes', () => {
  it('a holder busy long after its lock looks old (the old 4 s staleness) is waited for, and both writes are kept', async () => {
    const store = await storeWithOne();
    const other = await holdInAnotherProcess(store.dir, 300);
    // The lock looks an hour old while its holder is still in its synchronous phase: the
    // first release took over a lock 4 s old; age alone must never let a writer in.
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(`${store.file}.lock`, 'owner'), hourAgo, hourAgo);
    utimesSync(`${store.file}.lock`, hourAgo, hourAgo);
    const started = Date.now();
    // A generous wait: on a loaded machine the holder itself may take long to finish.
    await openStore(store.dir, { lockWaitMs: 60_000 }).update(add('ebbbb'));
    expect(Date.now() - started).toBeGreaterThan(150);
    expect(await other.exited).toBe(0);
    // In this order: the second writer read the store only after the first had saved.
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa', 'ehhhh', 'ebbbb']);
  }, 90_000);

  it('a stopped holder (SIGSTOP) is named as the cause; resumed, it saves, and the next writer gets in', async () => {
    const store = await storeWithOne();
    // Stopped at once, the holder cannot finish before the waiter's 300 ms are up.
    const other = await holdInAnotherProcess(store.dir, 20_000);
    other.child.kill('SIGSTOP');
    const waiting = openStore(store.dir, { lockWaitMs: 300 });
    const error = await waiting.update(add('ebbbb')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toBe(`the store ${store.file} is busy: spasm process ${other.child.pid} holds it and is stopped (suspended, as by Ctrl-Z)`);
    expect((error as StoreError).hint).toContain(`kill ${other.child.pid}`);
    other.release();
    other.child.kill('SIGCONT');
    expect(await other.exited).toBe(0);
    expect(other.saved()).toBe(true);
    await waiting.update(add('ebbbb'));
    expect((await store.read()).episodes.map((e) => e.id).sort()).toEqual(['eaaaa', 'ebbbb', 'ehhhh']);
  }, 30_000);
});

describe('modes', () => {
  it('a store file made read-only (0400) is refused, exit 3 "not writable", and left as it is', async () => {
    const store = await storeWithOne();
    chmodSync(store.file, 0o400);
    const before = readFileSync(store.file);
    const error = (await store.update(add('ebbbb')).catch((e: unknown) => e)) as StoreError;
    expect(error.exitCode).toBe(ExitCode.Store);
    expect(error.message).toBe(`the store ${store.file} is not writable (mode 0400); nothing was saved`);
    expect(readFileSync(store.file).equals(before)).toBe(true);
    expect(statSync(store.file).mode & 0o777).toBe(0o400);
  });

  it('an existing data directory open to others (0755) is made 0700 by the next write, not by a read', async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { mode: 0o755, recursive: true });
    chmodSync(dir, 0o755);
    const store = openStore(dir);
    await store.read();
    expect(statSync(dir).mode & 0o777).toBe(0o755);
    await store.update(add('eaaaa'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
  });
});

describe('what writers leave behind', () => {
  it('directories named like spasm\'s temp file or fingerprint do not block writes, and are left alone', async () => {
    const dir = tempDataDir();
    mkdirSync(join(dir, 'spasm.json.tmp-123'), { recursive: true });
    mkdirSync(join(dir, 'spasm.json.verified'));
    const store = openStore(dir);
    await store.update(add('eaaaa'));
    await store.update(add('ebbbb'));
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa', 'ebbbb']);
    expect(readdirSync(dir).sort()).toEqual(['spasm.json', 'spasm.json.tmp-123', 'spasm.json.verified']);
  });

  it('files a killed writer left (conf\'s temp file, the copy of the old store) go with the next write', async () => {
    const store = await storeWithOne();
    writeFileSync(join(store.dir, 'spasm.json.tmp-17647000001a2b3c'), 'half');
    writeFileSync(join(store.dir, 'spasm.json.previous-99999'), readFileSync(store.file));
    await store.update(add('ebbbb'));
    expect(readdirSync(store.dir).sort()).toEqual(['spasm.json', 'spasm.json.verified']);
  });

  it('with a damaged store, they stay (the copy may be the good one)', async () => {
    const store = await storeWithOne();
    writeFileSync(join(store.dir, 'spasm.json.previous-99999'), readFileSync(store.file));
    writeFileSync(store.file, '{"schemaVersion":1,"episo');
    await expect(store.update(add('ebbbb'))).rejects.toBeInstanceOf(StoreError);
    expect(existsSync(join(store.dir, 'spasm.json.previous-99999'))).toBe(true);
  });
});
