import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LockBusyError, takeLock, type Owner } from '../../src/store/lock.js';
import { tempDataDir } from '../helpers/fake-deps.js';

const options = { waitMs: 1_000, host: 'this-host' };

function lockPath(): string {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  return join(dir, 'spasm.json.lock');
}

/** A lock as another process leaves it: its owner file, and (optionally) an old mtime. */
function plantLock(path: string, owner: Partial<Owner> | undefined, ageMs = 0): void {
  mkdirSync(path);
  // An older spasm wrote a bare token, refreshed by mtime.
  writeFileSync(join(path, 'owner'), owner ? JSON.stringify({ host: 'this-host', start: null, token: 'theirs', ...owner }) : '1234-old-token');
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
}

const children: ChildProcess[] = [];
/** A live process that never touches the lock: a holder that stalls. */
function liveProcess(): ChildProcess {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  return child;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((done) => child.on('exit', done));
  return child.pid!;
}

describe('takeLock', () => {
  it('makes the lock a directory holding its owner, and removes it on release', async () => {
    const path = lockPath();
    const held = await takeLock(path, options);
    const owner = JSON.parse(readFileSync(join(path, 'owner'), 'utf8')) as Owner;
    expect(owner).toMatchObject({ pid: process.pid, host: 'this-host' });
    expect(held.intact()).toBe(true);
    held.release();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(path, '..'))).toEqual([]);
  });

  it('a second taker waits for the first to release', async () => {
    const path = lockPath();
    const first = await takeLock(path, options);
    const order: string[] = [];
    const second = takeLock(path, options).then((h) => {
      order.push('second');
      return h;
    });
    await new Promise((done) => setTimeout(done, 75));
    order.push('first releases');
    first.release();
    (await second).release();
    expect(order).toEqual(['first releases', 'second']);
  });

  it('never takes the lock of a live holder, however long since it was made: gives up after waitMs, naming it', async () => {
    const path = lockPath();
    const holder = liveProcess();
    plantLock(path, { pid: holder.pid! }, 3_600_000);
    const started = Date.now();
    const error = await takeLock(path, { ...options, waitMs: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).holder).toMatchObject({ owner: { pid: holder.pid }, state: 'running' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(JSON.parse(readFileSync(join(path, 'owner'), 'utf8')).token).toBe('theirs');
  });

  it('says when the holder is stopped (SIGSTOP, Ctrl-Z)', async () => {
    const path = lockPath();
    const holder = liveProcess();
    holder.kill('SIGSTOP');
    plantLock(path, { pid: holder.pid! });
    const error = await takeLock(path, { ...options, waitMs: 100 }).catch((e: unknown) => e);
    expect((error as LockBusyError).holder.state).toBe('stopped');
  });

  it('takes over at once a lock whose holder died', async () => {
    const path = lockPath();
    plantLock(path, { pid: await deadPid() });
    const started = Date.now();
    const held = await takeLock(path, options);
    expect(Date.now() - started).toBeLessThan(500);
    expect(held.intact()).toBe(true);
    held.release();
  });

  it('takes over a lock whose pid now belongs to another process (its start time differs)', async () => {
    const path = lockPath();
    plantLock(path, { pid: process.pid, start: '1' });
    const held = await takeLock(path, options);
    expect(held.intact()).toBe(true);
    held.release();
  });

  it('never takes a lock held from another machine', async () => {
    const path = lockPath();
    plantLock(path, { pid: await deadPid(), host: 'other-host' }, 3_600_000);
    const error = await takeLock(path, { ...options, waitMs: 100 }).catch((e: unknown) => e);
    expect((error as LockBusyError).holder).toMatchObject({ state: 'remote', owner: { host: 'other-host' } });
  });

  it('a lock without a readable owner (an older spasm\'s) is taken once 4 s old, not before', async () => {
    const fresh = lockPath();
    plantLock(fresh, undefined);
    await expect(takeLock(fresh, { ...options, waitMs: 100 })).rejects.toBeInstanceOf(LockBusyError);
    const old = lockPath();
    plantLock(old, undefined, 10_000);
    (await takeLock(old, options)).release();
  });

  it('of two waiters that find the same abandoned lock, one takes it and the other waits', async () => {
    const path = lockPath();
    plantLock(path, { pid: await deadPid() });
    const takers = [takeLock(path, options), takeLock(path, options)].map((p, i) => p.then((held) => ({ held, i })));
    const first = await Promise.race(takers);
    const second = takers[1 - first.i]!;
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await new Promise((done) => setTimeout(done, 100));
    expect(secondDone).toBe(false);
    first.held.release();
    (await second).held.release();
  });

  it('knows when its lock was removed under it, and then leaves the path alone', async () => {
    const path = lockPath();
    const held = await takeLock(path, options);
    rmSync(path, { recursive: true });
    plantLock(path, { pid: process.pid, token: 'someone-else' });
    expect(held.intact()).toBe(false);
    held.release();
    expect(existsSync(path)).toBe(true);
  });

  it('removes what killed takers left (their staging and stale directories), not what live ones have', async () => {
    const path = lockPath();
    const dead = await deadPid();
    const live = liveProcess().pid!;
    for (const name of [`.new-${dead}-a-b`, `.stale-${dead}-c-d`, `.new-${live}-e-f`]) mkdirSync(`${path}${name}`);
    (await takeLock(path, options)).release();
    expect(readdirSync(join(path, '..'))).toEqual([`spasm.json.lock.new-${live}-e-f`]);
  });

  it('reports a directory it cannot make in as the file system error, leaving nothing', async () => {
    await expect(takeLock('/proc/self/spasm.json.lock', options)).rejects.toMatchObject({ code: expect.stringMatching(/ENOENT|EACCES|EPERM/) });
  });
});
