import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError, takeLock } from '../../src/store/lock.js';
import { tempDataDir } from '../helpers/fake-deps.js';

const options = { staleMs: 2_000, waitMs: 1_000, refreshMs: 50 };

function lockPath(): string {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  return join(dir, 'spasm.json.lock');
}

describe('takeLock', () => {
  it('takes the lock as a directory and removes it on release', async () => {
    const path = lockPath();
    const held = await takeLock(path, options);
    expect(existsSync(path)).toBe(true);
    expect(held.intact()).toBe(true);
    held.release();
    expect(existsSync(path)).toBe(false);
  });

  it('a second taker waits for the first to release', async () => {
    const path = lockPath();
    const first = await takeLock(path, options);
    const order: string[] = [];
    const second = takeLock(path, options).then((h) => {
      order.push('second');
      return h;
    });
    await new Promise((done) => setTimeout(done, 150));
    order.push('first releases');
    first.release();
    (await second).release();
    expect(order).toEqual(['first releases', 'second']);
  });

  it('gives up with LockBusyError after waitMs while a live holder keeps it fresh', async () => {
    const path = lockPath();
    const holder = await takeLock(path, options);
    const started = Date.now();
    await expect(takeLock(path, { ...options, waitMs: 300 })).rejects.toBeInstanceOf(LockBusyError);
    expect(Date.now() - started).toBeLessThan(1_500);
    holder.release();
  });

  it('takes over a lock that nobody refreshed for staleMs (its holder died)', async () => {
    const path = lockPath();
    mkdirSync(path);
    const old = new Date(Date.now() - 10_000);
    utimesSync(path, old, old);
    const held = await takeLock(path, options);
    expect(held.intact()).toBe(true);
    held.release();
  });

  it('a holder whose lock was taken over leaves the new owner\'s lock alone', async () => {
    const path = lockPath();
    const first = await takeLock(path, options);
    // Another process takes over (as after a stall longer than staleMs): a new owner.
    writeFileSync(join(path, 'owner'), 'someone-else');
    await new Promise((done) => setTimeout(done, 150));
    expect(first.intact()).toBe(false);
    first.release();
    expect(existsSync(path)).toBe(true);
  });

  it('of two waiters that find the same stale lock, one takes it and the other waits', async () => {
    const path = lockPath();
    mkdirSync(path);
    const old = new Date(Date.now() - 10_000);
    utimesSync(path, old, old);
    const takers = [takeLock(path, options), takeLock(path, options)].map((p, i) => p.then((held) => ({ held, i })));
    const first = await Promise.race(takers);
    const second = takers[1 - first.i]!;
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await new Promise((done) => setTimeout(done, 200));
    expect(secondDone).toBe(false);
    first.held.release();
    (await second).held.release();
  });

  it('knows when its lock was removed under it', async () => {
    const path = lockPath();
    const held = await takeLock(path, options);
    rmSync(path, { recursive: true });
    await new Promise((done) => setTimeout(done, 200));
    expect(held.intact()).toBe(false);
    held.release();
  });

  it('reports a directory it cannot make in as the file system error', async () => {
    await expect(takeLock('/proc/self/spasm.json.lock', options)).rejects.toMatchObject({ code: expect.stringMatching(/ENOENT|EACCES|EPERM/) });
  });
});
