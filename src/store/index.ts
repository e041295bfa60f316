import { isUtf8 } from 'node:buffer';
import { chmodSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { StoreDocument } from '../core/document.js';
import { SCHEMA_VERSION } from '../core/records.js';
import { ExitCode, SpasmError, StoreError, UsageError } from '../errors.js';
import { checkedDocument, EMPTY_TEXT, reasonOf, recordTexts, RESTORE_HINT, storeText, trustedDocument } from './codec.js';
import { openConf, writeAtomically, type StoreConf } from './conf.js';
import schemaHash from './generated/schema-hash.json' with { type: 'json' };
import { LockBusyError, takeLock, type Held } from './lock.js';
import type * as Validate from './validate.js';

export { StoreDocument } from '../core/document.js';

const STORE_FILE = 'spasm.json';
/**
 * A CRC-32 (native, node:zlib) and the length of the text spasm last wrote
 * after validating it, and the hash of the schema it validated it with. A
 * reader whose text (the very text conf read) has the same fingerprint skips
 * the deep check of every record; any other text is checked in full. The
 * file's identity would spare loading zlib, but misses an edit in place on a
 * file system with coarse times and damage below the file system: the bytes
 * are what is trusted.
 */
const VERIFIED_FILE = 'spasm.json.verified';

const LOCK_WAIT_MS = 10_000;

/** The store's typed operations. Nothing outside src/store sees the file. */
export interface Store {
  /** The data directory and the store file in it. */
  readonly dir: string;
  readonly file: string;
  /** The current document (migrated in memory if older). An absent store reads as empty. */
  read(): Promise<StoreDocument>;
  /**
   * Read-modify-write under the lock: `change` edits a fresh copy of the
   * document and returns a result. If it throws, nothing is written. Keep it
   * free of prompts: other writers wait while it runs.
   */
  update<T>(change: (doc: StoreDocument) => T): Promise<T>;
}

/** The data directory: --data-dir, else SPASM_DATA_DIR, else $XDG_CONFIG_HOME/spasm or ~/.config/spasm. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  // An empty --data-dir would mean the current directory: refuse it rather than guess.
  if (flag !== undefined && flag.trim() === '') throw new UsageError('--data-dir must name a directory (got "")', 'leave it out to use $SPASM_DATA_DIR or ~/.config/spasm');
  const chosen = flag ?? (env.SPASM_DATA_DIR || undefined);
  if (chosen !== undefined) return resolve(chosen);
  const base = env.XDG_CONFIG_HOME || join(os().homedir(), '.config');
  return resolve(base, 'spasm');
}

// node:os only when needed: as an ES import it costs every command more than the rest of this.
const os = () => createRequire(import.meta.url)('node:os') as { homedir(): string; hostname(): string };

const crc32 = (text: string) => (createRequire(import.meta.url)('node:zlib') as { crc32(data: string): number }).crc32(text);
const trustRecord = (text: string) => `crc32:${crc32(text).toString(16).padStart(8, '0')}:${Buffer.byteLength(text)} schema:${schemaHash.records}`;

function readRecord(dir: string): string | undefined {
  // A directory of that name, or none: nothing is trusted.
  try {
    return readFileSync(join(dir, VERIFIED_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The deep check is needed, and its code is not loaded yet. */
class NeedsFullCheck extends Error {}

interface Loaded {
  conf: StoreConf;
  doc: StoreDocument;
  /** The text read; '' when there was no store. */
  text: string;
  /** The schema version the file had (older ones are migrated in memory). */
  from: number;
}

/**
 * Reads the store through conf. `deserialize` gets the text conf read and
 * returns spasm's document: only the head is parsed when the bytes are the
 * ones spasm wrote and checked, any other text is checked in full. What conf
 * keeps of it is a shallow copy; spasm keeps the document itself.
 */
async function load(dir: string, file: string, pending: { doc?: StoreDocument; text?: string }): Promise<Loaded> {
  let full = false;
  for (let attempt = 0; ; attempt++) {
    // After a few files replaced mid-read, or text that is not in spasm's shape: check in full.
    const record = full || attempt > 2 ? undefined : readRecord(dir);
    let validate: typeof Validate | undefined = record ? undefined : await import('./validate.js');
    let last: { text: string; doc: StoreDocument; from: number } | undefined;
    const deserialize = (read: string): StoreDocument => {
      // conf's store setter reads the file again before writing (to carry its own keys): the same text is the same document.
      if (last?.text === read) return last.doc;
      let text = read;
      const fast = record !== undefined && record === trustRecord(text) ? trustedDocument(text) : undefined;
      if (fast) last = { text, doc: fast, from: SCHEMA_VERSION };
      else {
        if (!validate) throw new NeedsFullCheck();
        // Decoding turned any bytes that are not UTF-8 into U+FFFD, which the next write would keep: look at the bytes.
        if (text.includes('\uFFFD')) {
          const bytes = readFileSync(file);
          if (!isUtf8(bytes)) throw new StoreError(`the store ${file} is damaged: it is not UTF-8 text`, RESTORE_HINT);
          text = bytes.toString('utf8');
        }
        last = { text, ...checkedDocument(text, file, validate) };
      }
      return last.doc;
    };
    const serialize = (value: StoreDocument): string => {
      // conf hands back what spasm gave it; anything else would be a change in conf that could lose data.
      if (value !== pending.doc || pending.text === undefined) throw new SpasmError('internal error: conf asked to write something spasm did not give it', ExitCode.Failure);
      return pending.text;
    };
    let conf: StoreConf;
    try {
      conf = await openConf(dir, serialize, deserialize);
    } catch (error) {
      if (error instanceof NeedsFullCheck) {
        full = true;
        continue;
      }
      if (error instanceof SpasmError) throw error;
      throw new StoreError(`the store ${file} cannot be read: ${reasonOf(error)}`, RESTORE_HINT);
    }
    // Replaced between spasm's read of the bytes and conf's of the text (a writer, when reading unlocked): read again.
    return last ? { conf, ...last } : { conf, doc: StoreDocument.empty(), text: '', from: SCHEMA_VERSION };
  }
}

/**
 * Creates the data directory (and missing parents) with mode 0700, one level
 * at a time (Node's recursive mkdir can loop forever on some paths, /proc),
 * and tightens an existing one of ours that others may read (0755 → 0700).
 */
function ensureDir(dir: string, warn: (line: string) => void): void {
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
  const stat = statSync(dir);
  if (!stat.isDirectory()) throw new StoreError(`the data directory ${dir} is not a directory`, 'Choose another with --data-dir or SPASM_DATA_DIR.');
  if ((stat.mode & 0o077) !== 0 && stat.uid === process.getuid?.()) {
    try {
      chmodSync(dir, stat.mode & 0o7700);
    } catch (error) {
      // Some file systems have no modes to set; the store file itself is 0600.
      warn(`the data directory ${dir} is open to others (mode 0${(stat.mode & 0o777).toString(8)}) and could not be made private: ${reasonOf(error)}`);
    }
  }
}

/** The file a write replaces: the store, or the file it links to (a store kept elsewhere through a symlink stays there). */
function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw error;
  }
}

/**
 * Files that writers killed mid-write left beside the store: conf's temp
 * files (`spasm.json.tmp-…`) and spasm's copies of the old store
 * (`spasm.json.previous-…`). Only regular files: a directory of that name is
 * not ours. Only a lock holder that has read the store whole may remove them.
 */
function removeLeftovers(target: string): void {
  const dir = dirname(target);
  const prefixes = [`${target.slice(dir.length + 1)}.tmp-`, `${target.slice(dir.length + 1)}.previous-`];
  for (const name of readdirSync(dir)) {
    if (!prefixes.some((p) => name.startsWith(p))) continue;
    try {
      if (lstatSync(join(dir, name)).isFile()) rmSync(join(dir, name));
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}

/** A second name for the old store's bytes, which the rename leaves in place (a copy where hard links fail). */
function keepCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  }
}

function flushDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: some file systems cannot, and the write has happened.
  }
}

function lockError(error: unknown, dir: string, file: string, waitMs: number): StoreError {
  if (!(error instanceof LockBusyError)) return new StoreError(`cannot lock the store in ${dir}: ${reasonOf(error)}`, 'Check that the data directory is writable and the disk is not full.');
  const { owner, state } = error.holder;
  const who = owner ? `spasm process ${owner.pid}` : 'another spasm command';
  if (state === 'stopped') return new StoreError(`the store ${file} is busy: ${who} holds it and is stopped (suspended, as by Ctrl-Z)`, `Resume it (fg) or end it (kill ${owner!.pid}), then try again.`);
  if (state === 'remote') return new StoreError(`the store ${file} is busy: ${who} on ${owner!.host} holds it`, `Try again when it is done. If nothing runs there, remove ${error.path}.`);
  return new StoreError(`the store ${file} is busy: ${who} has held it for over ${Math.round(waitMs / 1000)} seconds`, 'Try again when it is done.');
}

async function withLock<T>(dir: string, file: string, waitMs: number, body: (held: Held) => Promise<T>): Promise<T> {
  let held: Held;
  try {
    held = await takeLock(`${file}.lock`, { waitMs, host: os().hostname() });
  } catch (error) {
    throw lockError(error, dir, file, waitMs);
  }
  try {
    return await body(held);
  } finally {
    held.release();
  }
}

/**
 * Replaces the store with `text` through conf, and makes sure it all reached
 * the disk: conf's writer ignores a short write (a full disk) and reports
 * success. The old store keeps a second name until the new one is checked;
 * on a mismatch it is put back, and the command fails (exit 3).
 */
function commit(loaded: Loaded, file: string, doc: StoreDocument, text: string, held: Held, pending: { doc?: StoreDocument; text?: string }): void {
  const target = realTarget(file);
  const dir = dirname(target);
  const before = statSync(target, { throwIfNoEntry: false });
  if (before) {
    if ((before.mode & 0o200) === 0) {
      throw new StoreError(`the store ${file} is not writable (mode 0${(before.mode & 0o777).toString(8)}); nothing was saved`, 'spasm left it as it is. Make it writable (chmod 600 it) to save again.');
    }
    // A file mounted on its own cannot be replaced by a rename: refuse before conf falls back to writing it in place.
    if (before.dev !== statSync(dir).dev) throw new StoreError(`the store ${target} is a mount point, which spasm cannot replace atomically; nothing was saved`, 'Give --data-dir the directory itself.');
  }
  if (!held.intact()) throw new StoreError(`lost the lock on ${file}: its lock directory was removed by another program; nothing was saved`, 'Try again.');
  // Before the first write in a newer schema version, keep the old file as it was (spasm.v1.json).
  if (before && loaded.from < SCHEMA_VERSION) {
    const copy = join(dir, `spasm.v${loaded.from}.json`);
    try {
      keepCopy(target, copy);
    } catch (error) {
      // One kept already stays as it is; anything else there (a directory) is no copy.
      const kept = (error as NodeJS.ErrnoException).code === 'EEXIST' && lstatSync(copy).isFile();
      if (!kept) {
        const why = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'something else has that name' : reasonOf(error);
        throw new StoreError(`cannot keep the version ${loaded.from} store as ${copy}: ${why}; nothing was saved`, 'Move that away (or free some space), then try again.');
      }
    }
  }
  const previous = `${target}.previous-${process.pid}`;
  if (before) {
    rmSync(previous, { force: true });
    try {
      keepCopy(target, previous);
    } catch (error) {
      throw new StoreError(`cannot write the store ${file}: ${reasonOf(error)}; nothing was saved`, 'Check that the data directory is writable and the disk is not full.');
    }
  }
  pending.doc = doc;
  pending.text = text;
  try {
    writeAtomically(loaded.conf, doc);
  } catch (error) {
    if (before) rmSync(previous, { force: true });
    if (error instanceof SpasmError) throw error;
    throw new StoreError(`cannot write the store ${file}: ${reasonOf(error)}; nothing was saved`, 'Check that the data directory is writable and the disk is not full.');
  } finally {
    pending.doc = undefined;
    pending.text = undefined;
  }
  // What reached the disk: a short write (a full disk) leaves a shorter file.
  const expected = Buffer.byteLength(text);
  let written = 0;
  try {
    written = statSync(target).size;
  } catch {
    // Gone: nothing reached the disk.
  }
  if (written !== expected) {
    if (before) renameSync(previous, target);
    else rmSync(target, { force: true });
    throw new StoreError(`cannot write the store ${file}: only ${written} of ${expected} bytes reached the disk (is it full?); the store was put back as it was`, 'Free some space, then try again.');
  }
  if (before) rmSync(previous, { force: true });
  flushDir(dir);
  // Saved. The record only spares the next reader the full check: failing to write it loses nothing.
  try {
    writeFileSync(join(dirname(file), VERIFIED_FILE), `${trustRecord(text)}\n`, { mode: 0o600 });
  } catch {
    try {
      rmSync(join(dirname(file), VERIFIED_FILE), { force: true });
    } catch {
      // A directory of that name: never trusted (it cannot be read as a record).
    }
  }
}

export interface StoreOptions {
  /** Where a note that needs no action goes (a line without "spasm: "). */
  warn?: (line: string) => void;
  /** How long a writer waits for another one that is still running (default 10 s). */
  lockWaitMs?: number;
}

export function openStore(dir: string, options: StoreOptions = {}): Store {
  const warn = options.warn ?? (() => undefined);
  const file = join(dir, STORE_FILE);
  const pending: { doc?: StoreDocument; text?: string } = {};
  return {
    dir,
    file,
    async read() {
      // No store yet: read it as empty without conf, which would create the directory.
      try {
        statSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return StoreDocument.empty();
        throw new StoreError(`the store ${file} cannot be read: ${reasonOf(error)}`, RESTORE_HINT);
      }
      return (await load(dir, file, pending)).doc;
    },
    async update<T>(change: (doc: StoreDocument) => T): Promise<T> {
      ensureDir(dir, warn);
      return withLock(dir, file, options.lockWaitMs ?? LOCK_WAIT_MS, async (held) => {
        const loaded = await load(dir, file, pending);
        const { doc } = loaded;
        // Read whole and valid: what killed writers left can go.
        removeLeftovers(realTarget(file));
        const result = change(doc);
        const episodes = doc.episodes.map((e) => JSON.stringify(e));
        // Sessions still unparsed are unchanged: their text is copied as it was.
        const untouched = doc.unparsedSessions();
        const sessions = untouched === undefined ? doc.sessions().map((s) => JSON.stringify(s)) : [];
        const text = storeText(doc.head(), episodes, untouched ?? `[${sessions.join(',')}]`);
        // Nothing changed: leave the file (and its absence) as it was.
        if (text === loaded.text || (loaded.text === '' && text === EMPTY_TEXT)) return result;
        // What was loaded is valid (checked, or trusted): a record whose text is the one it had there needs no second check.
        const changed = new Set<object>();
        const episodesBefore = recordTexts(loaded.text, 'episodes');
        doc.episodes.forEach((e, i) => episodesBefore.get(e.id) === episodes[i] || changed.add(e));
        if (untouched === undefined) {
          const sessionsBefore = recordTexts(loaded.text, 'sessions');
          doc.sessions().forEach((s, i) => sessionsBefore.get(s.id) === sessions[i] || changed.add(s));
        }
        const { checkChangedStoreDoc } = await import('./validate.js');
        const checked = checkChangedStoreDoc(doc.head(), untouched === undefined ? doc.sessions() : undefined, (record) => changed.has(record));
        if (!checked.ok) {
          // Our own code produced a bad record: refuse to write it.
          throw new SpasmError(`internal error: refusing to write an invalid store (${checked.errors[0]})`, ExitCode.Failure);
        }
        commit(loaded, file, doc, text, held, pending);
        return result;
      });
    },
  };
}
