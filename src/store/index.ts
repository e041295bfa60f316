import { isUtf8 } from 'node:buffer';
import { closeSync, existsSync, fchownSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { emptyStore, SCHEMA_VERSION, type StoreDoc } from '../core/records.js';
import { fingerprint } from '../digest.js';
import { ExitCode, SpasmError, StoreError, UsageError } from '../errors.js';
import { LockBusyError, takeLock, type Held } from './lock.js';
import { migrate } from './migrate.js';

export const STORE_FILE = 'spasm.json';
/**
 * The fingerprint (src/digest.ts) of the store exactly as spasm last wrote it, after validating it.
 * A reader that finds the same bytes skips the deep check of every record
 * (tens of milliseconds on a 10-year store); any other bytes are checked in
 * full. So it can only save time: it can never let a damaged store through.
 */
export const VERIFIED_FILE = 'spasm.json.verified';

/** How long a writer waits for another one before giving up, and when a lock counts as abandoned. */
const LOCK_STALE_MS = 4_000;
const LOCK_WAIT_MS = 10_000;

/** The store's typed operations. Nothing outside src/store sees the file. */
export interface Store {
  /** The data directory and the store file in it. */
  readonly dir: string;
  readonly file: string;
  /** The current document (migrated in memory if older). An absent store reads as empty. */
  read(): Promise<StoreDoc>;
  /**
   * Read-modify-write under the lock: `change` edits a fresh copy of the
   * document and returns a result. If it throws, nothing is written. Keep it
   * quick and free of prompts: other writers wait while it runs.
   */
  update<T>(change: (doc: StoreDoc) => T): Promise<T>;
}

/** The data directory: --data-dir, else SPASM_DATA_DIR, else $XDG_CONFIG_HOME/spasm or ~/.config/spasm. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  // An empty --data-dir would mean the current directory: refuse it rather than guess.
  if (flag !== undefined && flag.trim() === '') throw new UsageError('--data-dir must name a directory (got "")', 'leave it out to use $SPASM_DATA_DIR or ~/.config/spasm');
  const chosen = flag ?? (env.SPASM_DATA_DIR || undefined);
  if (chosen !== undefined) return resolve(chosen);
  // node:os only when needed: as an ES import it costs every command more than the rest of this.
  const homedir = () => (createRequire(import.meta.url)('node:os') as { homedir(): string }).homedir();
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return resolve(base, 'spasm');
}

const RESTORE_HINT = 'spasm left it exactly as it is. Restore it from a backup or an export, or move it aside to start a new store.';

/**
 * Our serializer writes the routine sessions last, and this text cannot
 * occur inside a JSON string (its quotes would be escaped there), so in a
 * file spasm wrote it marks where the sessions begin.
 */
const SESSIONS_KEY = ',"routineSessions":';
const SESSIONS_MARK = Buffer.from(`${SESSIONS_KEY}[`);
const CLOSE = Buffer.from('}');

/**
 * The store's bytes, compact JSON (a 10-year store parses twice as fast as
 * indented; `spasm export` gives the readable form), in three parts: the
 * head (all but the sessions), the sessions' array, and the closing brace.
 * The sessions go last (see SESSIONS_MARK) and are most of a long history,
 * so a write that did not touch them copies their bytes as they were.
 */
function storeParts(doc: Pick<StoreDoc, 'schemaVersion' | 'settings' | 'retiredIds'>, episodes: string[], sessions: Buffer): Buffer[] {
  const head = `{"schemaVersion":${doc.schemaVersion},"episodes":[${episodes.join(',')}],"settings":${JSON.stringify(doc.settings)},"retiredIds":${JSON.stringify(doc.retiredIds)}${SESSIONS_KEY}`;
  return [Buffer.from(head), sessions, CLOSE];
}

/** Are these parts, end to end, exactly `bytes`? (Without joining them.) */
function sameBytes(parts: Buffer[], bytes: Buffer): boolean {
  if (parts.reduce((n, p) => n + p.length, 0) !== bytes.length) return false;
  let at = 0;
  for (const part of parts) {
    if (!part.equals(bytes.subarray(at, at + part.length))) return false;
    at += part.length;
  }
  return true;
}

/**
 * The file a write replaces: the store, or the file it links to (a store
 * kept elsewhere through a symlink stays there, link and all).
 */
function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw error;
  }
}

/**
 * Writes the store as write-file-atomic does: a temp file beside it (mode
 * 0600, owned as the old store was), flushed to disk, renamed over it, then
 * the directory flushed. A crash leaves the old store or the new one, never
 * half of one. `stillOurs` is asked just before the rename: a writer that
 * lost the lock (a stall of seconds) must not overwrite another's write.
 * Throws only when nothing was replaced, with no temp file left.
 */
function writeAtomic(file: string, parts: Buffer[], stillOurs: () => boolean): void {
  const target = realTarget(file);
  removeLeftoverTempFiles(target);
  const temp = `${target}.tmp-${process.pid}`;
  const previous = statSync(target, { throwIfNoEntry: false });
  const fd = openSync(temp, 'wx', 0o600);
  let renamed = false;
  try {
    try {
      for (const part of parts) {
        for (let done = 0; done < part.length; ) done += writeSync(fd, part, done);
      }
      // Run as root (sudo), spasm must not take the user's store away from them.
      if (previous && process.getuid?.() === 0 && previous.uid !== 0) fchownSync(fd, previous.uid, previous.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!stillOurs()) throw new StoreError(`lost the lock on ${file} while writing; nothing was saved`, 'Try again.');
    renameSync(temp, target);
    renamed = true;
  } finally {
    if (!renamed) rmSync(temp, { force: true });
  }
  // The write has happened. Flushing the directory makes it survive a power
  // cut too; some file systems cannot, which must not undo the report.
  try {
    const dirFd = openSync(dirname(target), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Best effort.
  }
}

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.name === 'SyntaxError') return 'it is not valid JSON';
  if (e?.code === 'EISDIR') return 'it is a directory';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  return e?.code ?? e?.message ?? String(error);
}

/** Reads, migrates and validates the document at `file`; refuses (exit 3) rather than guess. */
async function load(file: string): Promise<StoreDoc> {
  return (await loadWithBytes(file)).doc;
}

interface Loaded {
  doc: StoreDoc;
  /** The exact bytes read (none when there is no store yet). */
  bytes: Buffer;
  /** The sessions' array within `bytes` when they are parsed lazily; undefined when already parsed. */
  sessions?: Buffer;
  /** The schema version of the file when it was older than this spasm's (migrated in memory). */
  migratedFrom?: number;
}

/**
 * Makes `doc.routineSessions` parse on first use. Routine sessions are most
 * of a long history (3,650 of them in ten years) and most commands never
 * look at them.
 */
function lazySessions(doc: StoreDoc, bytes: Buffer, onParse: (sessions: StoreDoc['routineSessions']) => void): void {
  const settle = (value: StoreDoc['routineSessions']) =>
    Object.defineProperty(doc, 'routineSessions', { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(doc, 'routineSessions', {
    enumerable: true,
    configurable: true,
    get() {
      const value = JSON.parse(bytes.toString('utf8')) as StoreDoc['routineSessions'];
      onParse(value);
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** The sessions' bytes of documents whose sessions are still unparsed (see lazySessions). */
const unparsedSessions = new WeakMap<StoreDoc, Buffer>();

/**
 * When each routine session happened, without parsing the sessions if they
 * are not parsed yet (a report needs only these times). In text spasm wrote,
 * `"at":"` occurs once a session (exercises have no time, and quotes inside
 * strings are escaped), so the times are read straight from it.
 */
export function sessionTimes(doc: StoreDoc): string[] {
  const bytes = unparsedSessions.get(doc);
  if (bytes === undefined || sessionsParsed(doc)) return doc.routineSessions.map((s) => s.at);
  return Array.from(bytes.toString('utf8').matchAll(/"at":"([^"]*)"/g), (m) => m[1]!);
}

/** Were the routine sessions parsed (or replaced) since loading? */
function sessionsParsed(doc: StoreDoc): boolean {
  return Object.getOwnPropertyDescriptor(doc, 'routineSessions')?.get === undefined;
}

/**
 * The document without its sessions, from verified bytes; undefined if they
 * are not in the shape spasm writes (then the full check decides).
 */
function parseHead(bytes: Buffer, mark: number): StoreDoc | undefined {
  let head: Partial<StoreDoc>;
  try {
    head = JSON.parse(`${bytes.toString('utf8', 0, mark)}}`) as Partial<StoreDoc>;
  } catch {
    return undefined;
  }
  const shaped = head.schemaVersion === SCHEMA_VERSION && Array.isArray(head.episodes) && typeof head.settings === 'object' && head.settings !== null && Array.isArray(head.retiredIds);
  return shaped ? (head as StoreDoc) : undefined;
}

async function loadWithBytes(file: string, onParse: (sessions: StoreDoc['routineSessions']) => void = () => undefined): Promise<Loaded> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { doc: emptyStore(), bytes: Buffer.alloc(0) };
    throw new StoreError(`the store ${file} cannot be read: ${reasonOf(error)}`, RESTORE_HINT);
  }
  // The bytes spasm itself wrote and checked: trust them, and leave the sessions for later
  // (only the head is decoded and parsed; the sessions stay bytes until used).
  // Anything else, even with a matching fingerprint, is checked in full below.
  const verified = isVerified(file, bytes);
  const mark = verified ? bytes.indexOf(SESSIONS_MARK) : -1;
  const head = mark > 0 && bytes.at(-2) === 0x5d && bytes.at(-1) === 0x7d ? parseHead(bytes, mark) : undefined;
  if (head) {
    const sessions = bytes.subarray(mark + SESSIONS_MARK.length - 1, -1);
    lazySessions(head, sessions, onParse);
    unparsedSessions.set(head, sessions);
    return { doc: head, bytes, sessions };
  }
  // Decoding would quietly turn bad bytes into U+FFFD, and the next write would keep that.
  if (!isUtf8(bytes)) throw new StoreError(`the store ${file} is damaged: it is not UTF-8 text`, RESTORE_HINT);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new StoreError(`the store ${file} cannot be read: ${reasonOf(error)}`, RESTORE_HINT);
  }
  const migrated = migrate(raw);
  if (!migrated.ok) {
    if (migrated.reason === 'newer') {
      throw new StoreError(
        `the store ${file} was written by a newer spasm (schema version ${migrated.version}; this one reads up to ${SCHEMA_VERSION})`,
        'Update spasm to use it. spasm left it exactly as it is.',
      );
    }
    throw new StoreError(`the store ${file} is damaged: it has no valid schemaVersion`, RESTORE_HINT);
  }
  const { checkStoreDoc } = await import('./validate.js');
  const checked = checkStoreDoc(migrated.doc);
  if (!checked.ok) {
    throw new StoreError(`the store ${file} is damaged: ${checked.errors[0]}${checked.errors.length > 1 ? ` (and ${checked.errors.length - 1} more)` : ''}`, RESTORE_HINT);
  }
  return { doc: checked.value, bytes, ...(migrated.from < SCHEMA_VERSION ? { migratedFrom: migrated.from } : {}) };
}

/**
 * Before the first write of an older store, its bytes are kept beside it as
 * `spasm.v<old>.json` (SPEC.md section 4), until the user deletes it. A copy
 * already there is the oldest one: it is kept, not replaced.
 */
function keepOlderStore(dir: string, version: number, bytes: Buffer): void {
  const copy = join(dir, `spasm.v${version}.json`);
  try {
    writeFileSync(copy, bytes, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(copy).isFile()) return;
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(copy, { force: true });
    throw new StoreError(`cannot keep a copy of the version ${version} store as ${copy}: ${reasonOf(error)}; nothing was changed`, 'Check that the data directory is writable and the disk is not full.');
  }
  if (statSync(copy).size !== bytes.length) {
    rmSync(copy, { force: true });
    throw new StoreError(`cannot keep a copy of the version ${version} store as ${copy}: it was not written in full; nothing was changed`, 'Check that the disk is not full.');
  }
}

/** Are these the exact bytes spasm last wrote and checked (see VERIFIED_FILE)? */
function isVerified(file: string, bytes: Buffer): boolean {
  let recorded: string;
  try {
    recorded = readFileSync(join(dirname(file), VERIFIED_FILE), 'utf8').trim();
  } catch {
    return false;
  }
  return recorded === fingerprint(bytes);
}

/**
 * Creates the data directory (and missing parents) with mode 0700, one level
 * at a time: Node's recursive mkdir can loop forever on some paths (/proc).
 */
function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let at = dir; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at || missing.length > 64) break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(level)) continue;
      throw new StoreError(`cannot create the data directory ${dir}: ${reasonOf(error)}`, 'Choose another with --data-dir or SPASM_DATA_DIR.');
    }
  }
}

/** Temp files that a writer killed mid-write left beside `target`; only a lock holder may remove them. */
function removeLeftoverTempFiles(target: string): void {
  const dir = dirname(target);
  const prefix = `${basename(target)}.tmp-`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
  }
}

async function withLock<T>(dir: string, file: string, body: (isCompromised: () => boolean) => Promise<T>): Promise<T> {
  let held: Held;
  try {
    held = await takeLock(`${file}.lock`, { staleMs: LOCK_STALE_MS, waitMs: LOCK_WAIT_MS, refreshMs: 1_000 });
  } catch (error) {
    if (error instanceof LockBusyError) {
      throw new StoreError(`the store ${file} is busy: another spasm command has held it for over ${LOCK_WAIT_MS / 1000} seconds`, 'Try again in a moment.');
    }
    throw new StoreError(`cannot lock the store in ${dir}: ${reasonOf(error)}`, 'Check that the data directory is writable.');
  }
  try {
    return await body(() => !held.intact());
  } finally {
    held.release();
  }
}

export function openStore(dir: string): Store {
  const file = join(dir, STORE_FILE);
  return {
    dir,
    file,
    read: () => load(file),
    async update<T>(change: (doc: StoreDoc) => T): Promise<T> {
      ensureDir(dir);
      return withLock(dir, file, async (isCompromised) => {
        // What was loaded is valid (checked, or verified by digest); remember it record by record.
        const known = new Set<string>();
        const { doc, bytes: before, sessions: sessionsBefore, migratedFrom } = await loadWithBytes(file, (sessions) => {
          for (const record of sessions) known.add(JSON.stringify(record));
        });
        for (const record of doc.episodes) known.add(JSON.stringify(record));
        if (sessionsBefore === undefined) for (const record of doc.routineSessions) known.add(JSON.stringify(record));
        const result = change(doc);
        const episodes = doc.episodes.map((e) => JSON.stringify(e));
        const sessionsTouched = sessionsBefore === undefined || sessionsParsed(doc);
        const sessions = sessionsTouched ? doc.routineSessions.map((s) => JSON.stringify(s)) : [];
        const parts = storeParts(doc, episodes, sessionsTouched ? Buffer.from(`[${sessions.join(',')}]`) : sessionsBefore);
        // Nothing changed: leave the file (and its absence) as it was.
        if (sameBytes(parts, before) || (before.length === 0 && sameBytes(parts, Buffer.concat(storeParts(emptyStore(), [], Buffer.from('[]')))))) return result;
        const changed = new Set<object>();
        doc.episodes.forEach((e, i) => known.has(episodes[i]!) || changed.add(e));
        if (sessionsTouched) doc.routineSessions.forEach((s, i) => known.has(sessions[i]!) || changed.add(s));
        const { checkChangedStoreDoc } = await import('./validate.js');
        const checked = checkChangedStoreDoc(doc, (record) => changed.has(record), sessionsTouched);
        if (!checked.ok) {
          // Our own code produced a bad record: refuse to write it.
          throw new SpasmError(`internal error: refusing to write an invalid store (${checked.errors[0]})`, ExitCode.Failure);
        }
        if (isCompromised()) throw new StoreError(`lost the lock on ${file} while writing; nothing was saved`, 'Try again.');
        if (migratedFrom !== undefined) keepOlderStore(dir, migratedFrom, before);
        try {
          // Forget the old digest first: a crash between the two writes leaves none, never a wrong one.
          rmSync(join(dir, VERIFIED_FILE), { force: true });
          writeAtomic(file, parts, () => !isCompromised());
        } catch (error) {
          if (error instanceof StoreError) throw error;
          throw new StoreError(`cannot write the store ${file}: ${reasonOf(error)}`, 'Check that the data directory is writable and the disk is not full.');
        }
        // Saved. The digest only spares the next reader the full check, so failing to record it loses nothing.
        try {
          writeFileSync(join(dir, VERIFIED_FILE), `${fingerprint(...parts)}\n`, { mode: 0o600 });
        } catch {
          rmSync(join(dir, VERIFIED_FILE), { force: true });
        }
        return result;
      });
    },
  };
}
