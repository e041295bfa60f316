// The lock around every read-modify-write of the store: a directory next to
// the store (mkdir is atomic), kept fresh while held, and taken over once it
// has not been refreshed for a few seconds (its holder was killed).
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LockOptions {
  /** A lock not refreshed for this long belongs to a process that died. */
  staleMs: number;
  /** How long to wait for another holder before giving up. */
  waitMs: number;
  /** How often the holder refreshes the lock (well under staleMs). */
  refreshMs: number;
  /** Waits between tries; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Held {
  /**
   * False once the lock was lost (removed or taken over by another process).
   * Reads the lock's owner now: the refresh timer cannot run during a long
   * synchronous stall, which is when a takeover happens.
   */
  intact(): boolean;
  release(): void;
}

export class LockBusyError extends Error {
  constructor(readonly path: string) {
    super(`${path} is held by another process`);
  }
}

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

const OWNER = 'owner';

function ownerOf(path: string): string | undefined {
  try {
    return readFileSync(join(path, OWNER), 'utf8');
  } catch {
    return undefined;
  }
}

function tryTake(path: string, staleMs: number, token: string): boolean {
  try {
    mkdirSync(path, { mode: 0o700 });
    writeFileSync(join(path, OWNER), token, { mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    if (Date.now() - statSync(path).mtimeMs > staleMs) {
      // Rename, not remove: of several waiters that find it stale, only one rename succeeds.
      const aside = `${path}.stale-${token}`;
      renameSync(path, aside);
      rmSync(aside, { recursive: true, force: true });
    }
  } catch {
    // Gone or taken meanwhile: the next try sees which.
  }
  return false;
}

/**
 * Takes the lock at `path` (a directory that must not exist), waiting for
 * another holder up to `waitMs`. Throws LockBusyError after that, or the
 * file system's error if the lock cannot be made at all.
 */
export async function takeLock(path: string, options: LockOptions): Promise<Held> {
  const sleep = options.sleep ?? pause;
  const deadline = Date.now() + options.waitMs;
  // Unique enough among the processes that could race for one data directory.
  const token = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  while (!tryTake(path, options.staleMs, token)) {
    if (Date.now() > deadline) throw new LockBusyError(path);
    await sleep(25 + Math.floor(Math.random() * 50));
  }
  let intact = true;
  const refresh = setInterval(() => {
    // Taken over after a long stall: the lock is someone else's now, not ours to refresh or remove.
    if (ownerOf(path) !== token) {
      intact = false;
      clearInterval(refresh);
      return;
    }
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      intact = false;
    }
  }, options.refreshMs);
  refresh.unref();
  const release = () => {
    clearInterval(refresh);
    process.removeListener('exit', release);
    if (ownerOf(path) === token) rmSync(path, { recursive: true, force: true });
    intact = false;
  };
  // Ctrl-C ends through process.exit(130): leave no lock behind.
  process.once('exit', release);
  return { intact: () => intact && ownerOf(path) === token, release };
}
