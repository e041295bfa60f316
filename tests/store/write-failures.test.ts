// What a write reports when the file system fails conf's writer at each
// point: nothing changes, nothing is left behind, and the command fails
// (exit 3) — including a short write that conf's writer reports as success.
// conf writes through `atomically`, whose fs functions are captured when it
// loads: the injection patches node:fs before that (vi.hoisted).
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode, StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

type Failure = 'enospc' | 'short' | 'fsync' | 'exdev';
const inject = vi.hoisted(() => {
  const state = { failure: undefined as 'enospc' | 'short' | 'fsync' | 'exdev' | undefined };
  const real = process.getBuiltinModule('node:fs');
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  const { openSync, closeSync, writeSync, fsyncSync, renameSync } = real;
  // Only conf's temp files (spasm.json.tmp-…) fail: nothing else in this process is touched.
  const temps = new Set<number>();
  Object.assign(real, {
    openSync(path: fs.PathLike, ...rest: unknown[]) {
      const fd = (openSync as (...a: unknown[]) => number)(path, ...rest);
      if (String(path).includes('spasm.json.tmp-')) temps.add(fd);
      return fd;
    },
    closeSync(fd: number) {
      temps.delete(fd);
      return closeSync(fd);
    },
    writeSync(fd: number, data: unknown, ...rest: unknown[]) {
      if (temps.has(fd) && state.failure === 'enospc') throw fail('ENOSPC');
      // A nearly full disk: write() takes part of the text and says how much.
      if (temps.has(fd) && state.failure === 'short' && typeof data === 'string') return (writeSync as (...a: unknown[]) => number)(fd, data.slice(0, data.length >> 1), ...rest);
      return (writeSync as (...a: unknown[]) => number)(fd, data, ...rest);
    },
    fsyncSync(fd: number) {
      if (temps.has(fd) && state.failure === 'fsync') throw fail('EIO');
      return fsyncSync(fd);
    },
    renameSync(from: fs.PathLike, to: fs.PathLike) {
      if (state.failure === 'exdev' && String(from).includes('spasm.json.tmp-')) throw fail('EXDEV');
      return renameSync(from, to);
    },
  });
  return state;
});

const onset = '2026-11-20T08:00:00+01:00';

/** A store holding one episode, written before any failure is injected. */
async function storeWithOne() {
  const dir = tempDataDir();
  const store = openStore(dir);
  await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset, notes: 'x'.repeat(200) })));
  return { store, dir, before: fs.readFileSync(store.file), verified: fs.readFileSync(join(dir, 'spasm.json.verified'), 'utf8') };
}

const addSecond = (doc: { episodes: unknown[] }) => void doc.episodes.push(episode({ id: 'ebbbb', onset }));

afterEach(() => {
  inject.failure = undefined;
});

describe('a write the file system fails changes nothing, leaves nothing, and is exit 3', () => {
  it.each<[Failure, RegExp]>([
    ['enospc', /cannot write the store .*disk is full/],
    ['short', /only \d+ of \d+ bytes reached the disk .*put back as it was/],
    ['fsync', /cannot write the store .*EIO/],
    // conf would write the file in place after EXDEV: refused.
    ['exdev', /cannot write the store .* atomically here/],
  ])('%s', async (failure, message) => {
    const { store, dir, before, verified } = await storeWithOne();
    const inode = fs.statSync(store.file).ino;
    inject.failure = failure;
    const error = await store.update(addSecond).catch((e: unknown) => e);
    inject.failure = undefined;
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).exitCode).toBe(ExitCode.Store);
    expect((error as StoreError).message).toMatch(message);
    expect(fs.readFileSync(store.file).equals(before)).toBe(true);
    expect(fs.statSync(store.file).ino).toBe(inode);
    // No copy of the old store left; the record of the old bytes is kept (a failing command changes nothing).
    expect(fs.readdirSync(dir).filter((name) => !name.startsWith('spasm.json.tmp-')).sort()).toEqual(['spasm.json', 'spasm.json.verified']);
    expect(fs.readFileSync(join(dir, 'spasm.json.verified'), 'utf8')).toBe(verified);
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa']);
    // Whatever conf's writer left goes with the next write.
    await store.update(addSecond);
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa', 'ebbbb']);
    expect(fs.readdirSync(dir).sort()).toEqual(['spasm.json', 'spasm.json.verified']);
  });

  it('a short first write (no store before) leaves no store', async () => {
    const store = openStore(tempDataDir());
    inject.failure = 'short';
    const error = await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset, notes: 'x'.repeat(200) }))).catch((e: unknown) => e);
    inject.failure = undefined;
    expect((error as StoreError).message).toMatch(/reached the disk/);
    expect(fs.existsSync(store.file)).toBe(false);
  });
});
