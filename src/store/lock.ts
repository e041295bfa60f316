// The lock around every read-modify-write of the store: a directory beside
// it holding its owner (process id, start time, machine). It is made whole
// under a temp name and renamed into place, so no one ever sees a lock
// without its owner. Liveness, not a clock, decides when it is abandoned: a
// holder keeps it for as long as its process lives, however long a phase
// takes (a big import, a stall, Ctrl-Z); a holder that died (SIGKILL, a
// crash) is taken over at once. A lock from another machine is never taken.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Owner {
  pid: number;
  host: string;
  /** The process's start time (Linux: clock ticks since boot), so a reused pid is not mistaken for it. */
  start: string | null;
  token: string;
}

export interface LockOptions {
  /** How long to wait for a live holder before giving up. */
  waitMs: number;
  /** This machine's name (os.hostname()). */
  host: string;
  /** Waits between tries; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Held {
  /** False once the lock is gone or someone else's (it was removed by hand). */
  intact(): boolean;
  release(): void;
}

/** What is known of the process that holds a lock. */
export interface Holder {
  owner: Owner | undefined;
  /** 'stopped' (SIGSTOP, Ctrl-Z), 'running', or 'remote' (another machine). */
  state: 'stopped' | 'running' | 'remote' | 'unknown';
}

export class LockBusyError extends Error {
  constructor(
    readonly path: string,
    readonly holder: Holder,
  ) {
    super(`${path} is held by another process`);
  }
}

const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const OWNER = 'owner';
/** A lock without a readable owner (made by hand, or by an older spasm) counts as abandoned after this long. */
const OWNERLESS_STALE_MS = 4_000;

function ownerOf(path: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(path, OWNER), 'utf8')) as Owner;
    return typeof owner?.pid === 'number' && typeof owner.token === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** A process as /proc shows it (Linux); elsewhere only whether it exists. */
function probe(pid: number): { alive: boolean; state?: string; start?: string } {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return { alive: false };
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (name) S ppid …": the name may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    // A zombie is dead, only not yet reaped by its parent.
    return { alive: state !== 'Z' && state !== 'X', state, start: fields[19] };
  } catch {
    return { alive: true };
  }
}

/** Is the owner of a lock gone for good? */
function abandoned(path: string, owner: Owner | undefined, host: string): boolean {
  if (owner === undefined) {
    try {
      return Date.now() - statSync(path).mtimeMs > OWNERLESS_STALE_MS;
    } catch {
      return false;
    }
  }
  if (owner.host !== host) return false;
  const seen = probe(owner.pid);
  return !seen.alive || (owner.start !== null && seen.start !== undefined && seen.start !== owner.start);
}

function holderOf(path: string, host: string): Holder {
  const owner = ownerOf(path);
  if (owner === undefined) return { owner, state: 'unknown' };
  if (owner.host !== host) return { owner, state: 'remote' };
  return { owner, state: probe(owner.pid).state === 'T' ? 'stopped' : 'running' };
}

/** Moves an abandoned lock aside and removes it; puts it back if it turns out someone else's meanwhile. */
function takeOver(path: string, judged: Owner | undefined, token: string): void {
  const aside = `${path}.stale-${token}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // gone or taken meanwhile: the next try sees which
  }
  if (ownerOf(aside)?.token === judged?.token) rmSync(aside, { recursive: true, force: true });
  else {
    try {
      renameSync(aside, path);
    } catch {
      rmSync(aside, { recursive: true, force: true });
    }
  }
}

/** Makes the lock whole under a temp name, then renames it into place. False if it exists. */
function tryCreate(path: string, owner: Owner): boolean {
  const staging = `${path}.new-${owner.token}`;
  try {
    mkdirSync(staging, { mode: 0o700 });
    writeFileSync(join(staging, OWNER), JSON.stringify(owner), { mode: 0o600 });
    renameSync(staging, path);
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes what writers killed while taking or taking over a lock left (names carry their pid). */
function removeLeftovers(path: string): void {
  const dir = dirname(path);
  const prefixes = [`${basename(path)}.new-`, `${basename(path)}.stale-`];
  for (const name of readdirSync(dir)) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (prefix === undefined) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid !== process.pid && !probe(pid).alive) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

let ownStart: string | null | undefined;

/**
 * Takes the lock at `path` (a directory that must not exist), waiting for a
 * live holder up to `waitMs`. Throws LockBusyError after that, naming the
 * holder, or the file system's error if the lock cannot be made at all
 * (nothing is left behind then).
 */
export async function takeLock(path: string, options: LockOptions): Promise<Held> {
  const sleep = options.sleep ?? pause;
  const deadline = Date.now() + options.waitMs;
  ownStart ??= probe(process.pid).start ?? null;
  // Unique among the processes that could race for one data directory; starts with the pid.
  const token = `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const mine: Owner = { pid: process.pid, host: options.host, start: ownStart, token };
  while (!tryCreate(path, mine)) {
    const owner = ownerOf(path);
    if (abandoned(path, owner, options.host)) {
      takeOver(path, owner, token);
      continue;
    }
    if (Date.now() > deadline) throw new LockBusyError(path, holderOf(path, options.host));
    await sleep(25 + Math.floor(Math.random() * 50));
  }
  removeLeftovers(path);
  const release = () => {
    process.removeListener('exit', release);
    if (ownerOf(path)?.token !== token) return;
    // Renamed away first: removing it in place would leave an empty directory for a moment, which a taker's rename replaces.
    const aside = `${path}.stale-${token}`;
    try {
      renameSync(path, aside);
      rmSync(aside, { recursive: true, force: true });
    } catch {
      // Left for the next taker, which removes what a dead process left.
    }
  };
  // Ctrl-C ends through process.exit(130): leave no lock behind.
  process.once('exit', release);
  return { intact: () => ownerOf(path)?.token === token, release };
}
