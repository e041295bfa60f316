// What a write reports when the file system fails it at each point: before
// the rename nothing changes and nothing is left behind; after the rename the
// write has happened and is reported as done.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExitCode, StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

type Failure = 'write' | 'file-fsync' | 'rename' | 'dir-fsync' | 'verified' | 'lock-taken';
// The failure to inject, and the data directory of the store under test.
const inject = vi.hoisted(() => ({ failure: undefined as Failure | undefined, dir: '' }));

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  return {
    ...actual,
    writeSync: ((...args: Parameters<typeof actual.writeSync>) => {
      if (inject.failure === 'write') throw fail('ENOSPC');
      return (actual.writeSync as (...a: unknown[]) => number)(...args);
    }) as typeof actual.writeSync,
    fsyncSync: (fd: number) => {
      const isDir = actual.fstatSync(fd).isDirectory();
      if (inject.failure === 'dir-fsync' && isDir) throw fail('EINVAL');
      if (inject.failure === 'file-fsync' && !isDir) throw fail('EIO');
      if (inject.failure === 'lock-taken' && !isDir) {
        // Another writer took the lock over while this one stalled.
        for (const name of actual.readdirSync(inject.dir)) {
          if (name.endsWith('.lock')) actual.writeFileSync(join(inject.dir, name, 'owner'), 'someone-else');
        }
      }
      return actual.fsyncSync(fd);
    },
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (inject.failure === 'rename') throw fail('EXDEV');
      return actual.renameSync(from, to);
    },
    writeFileSync: ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (inject.failure === 'verified' && String(file).endsWith('.verified')) throw fail('ENOSPC');
      return (actual.writeFileSync as (...a: unknown[]) => void)(file, ...rest);
    }) as typeof actual.writeFileSync,
  };
});

const onset = '2026-11-20T08:00:00+01:00';

/** A store holding one episode, written before any failure is injected. */
async function storeWithOne() {
  const dir = tempDataDir();
  const store = openStore(dir);
  await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset })));
  inject.dir = dir;
  return { store, dir, before: fs.readFileSync(store.file) };
}

const addSecond = (doc: { episodes: unknown[] }) => void doc.episodes.push(episode({ id: 'ebbbb', onset }));
const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.includes('.tmp-'));

afterEach(() => {
  inject.failure = undefined;
});

describe('a write that fails before the rename changes nothing and leaves no temp file', () => {
  it.each<[Failure, RegExp]>([
    ['write', /cannot write the store .*ENOSPC/],
    ['file-fsync', /cannot write the store .*EIO/],
    ['rename', /cannot write the store .*EXDEV/],
    ['lock-taken', /lost the lock .*nothing was saved/],
  ])('%s', async (failure, message) => {
    const { store, dir, before } = await storeWithOne();
    inject.failure = failure;
    const error = await store.update(addSecond).catch((e: unknown) => e);
    inject.failure = undefined;
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).exitCode).toBe(ExitCode.Store);
    expect((error as StoreError).message).toMatch(message);
    expect(fs.readFileSync(store.file).equals(before)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa']);
  });
});

describe('after the rename the write has happened, and is reported so', () => {
  it('a directory that cannot be flushed (EINVAL on some file systems)', async () => {
    const { store } = await storeWithOne();
    inject.failure = 'dir-fsync';
    await expect(store.update(addSecond)).resolves.toBeUndefined();
    inject.failure = undefined;
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa', 'ebbbb']);
  });

  it('a fingerprint that cannot be recorded: none is left, and the next read checks in full', async () => {
    const { store, dir } = await storeWithOne();
    inject.failure = 'verified';
    await expect(store.update(addSecond)).resolves.toBeUndefined();
    inject.failure = undefined;
    expect(fs.existsSync(join(dir, 'spasm.json.verified'))).toBe(false);
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa', 'ebbbb']);
  });
});
