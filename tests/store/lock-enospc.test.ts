// A disk too full to take the lock leaves no lock behind (issue #13 item 10).
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { takeLock } from '../../src/store/lock.js';
import { tempDataDir } from '../helpers/fake-deps.js';

const full = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeFileSync: ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
      if (full.on && String(file).endsWith('/owner')) throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
      return (real.writeFileSync as (...a: unknown[]) => void)(file, ...rest);
    }) as typeof real.writeFileSync,
  };
});

describe('a full disk while taking the lock', () => {
  it('fails with ENOSPC and leaves no lock, and the store says so (exit 3)', async () => {
    const dir = tempDataDir();
    fs.mkdirSync(dir, { recursive: true });
    full.on = true;
    await expect(takeLock(join(dir, 'spasm.json.lock'), { waitMs: 100, host: 'h' })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.readdirSync(dir)).toEqual([]);
    const error = await openStore(dir).update(() => undefined).catch((e: unknown) => e);
    full.on = false;
    expect(error).toMatchObject({ exitCode: 3, message: `cannot lock the store in ${dir}: the disk is full (ENOSPC)` });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
