// The one writer of every `--output <file>` (SPEC.md section 3): complete or
// refused, never cut off; an existing file replaced only with --force.
import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inert, quoted } from './core/text.js';
import { ExitCode, SpasmError, UsageError } from './errors.js';

/** The file operations used here; tests give a failing one (a short write, a full disk). */
export type OutputFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'fstatSync' | 'renameSync' | 'linkSync' | 'unlinkSync' | 'lstatSync' | 'statSync' | 'realpathSync' | 'readdirSync'
>;

/** Paths that name one of this process's open files: written to as they are, never replaced. */
const OPEN_FILE = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|\d+)\/fd\/\d+)$/;

/** The temp file of a write in progress, named so a later run knows whose it was: `.NAME.PID.tmp`. */
const tempName = (base: string, pid: number) => `.${base}.${pid}.tmp`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temp files of earlier writes to the same name whose process is gone (killed mid-write). */
function removeStaleTemps(fs: OutputFs, dir: string, base: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // the write itself will say what is wrong with the directory
  }
  for (const name of names) {
    const pid = name.startsWith(`.${base}.`) && name.endsWith('.tmp') ? Number(name.slice(base.length + 2, -4)) : NaN;
    if (Number.isInteger(pid) && pid > 0 && name === tempName(base, pid) && pid !== process.pid && !alive(pid)) {
      try {
        fs.unlinkSync(join(dir, name));
      } catch {
        // Someone else's to clean up.
      }
    }
  }
}

class ShortWrite extends Error {
  constructor(readonly written: number) {
    super('short write');
  }
}

/** Writes all of `bytes`, however many calls it takes; a call that writes nothing is a full disk. */
function writeAll(fs: OutputFs, fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) {
    let n: number;
    try {
      n = fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new ShortWrite(done);
      throw error;
    }
    if (!(n > 0)) throw new ShortWrite(done);
    done += n;
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Follows a symlink to the file it names, also when that file does not exist yet. */
function linkTarget(fs: OutputFs, path: string): string {
  try {
    return fs.realpathSync(path);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
    return danglingTarget(path);
  }
}

function danglingTarget(path: string): string {
  let at = path;
  for (let hops = 0; hops < 40; hops++) {
    let next: string;
    try {
      next = nodeFs.readlinkSync(at);
    } catch {
      return at;
    }
    at = resolve(dirname(at), next);
  }
  throw Object.assign(new Error('too many links'), { code: 'ELOOP' });
}

/**
 * Writes `content` to the file the user named. A regular file is written
 * through a temp file beside it (mode 0600, it holds health data), checked to
 * hold every byte and flushed, then put in place: linked (so an existing name
 * is never replaced without `force`, with no window between check and
 * write) or, with `force`, renamed over the old file, or over a symlink's
 * target. A FIFO, a character device or one of this process's open files
 * (/dev/stdout) is written to directly. A full disk is exit 3 with the old
 * file untouched and no temp file left; a place that cannot be written is exit 2.
 */
export function writeOutputFile(path: string, content: string, force: boolean, fs: OutputFs = nodeFs): void {
  const bytes = Buffer.from(content, 'utf8');
  const shown = `--output ${quoted(path)}`;
  const fail = (error: unknown, existed = false): never => {
    if (error instanceof SpasmError) throw error;
    if (error instanceof ShortWrite || ['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO'].includes(code(error) ?? '')) {
      const written = error instanceof ShortWrite ? `: wrote ${error.written.toLocaleString('en')} of ${bytes.length.toLocaleString('en')} bytes` : ` (${code(error)})`;
      throw new SpasmError(`${shown}: the disk is full${written}, so nothing was written`, ExitCode.Store, `free some space or choose another place${existed ? '; the old file is as it was' : ''}`);
    }
    const why: Record<string, string> = {
      ENOENT: 'its directory does not exist',
      ENOTDIR: 'a part of the path is not a directory',
      EISDIR: 'it is a directory',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the file system is read-only',
      ELOOP: 'too many symbolic links',
    };
    throw new UsageError(`${shown}: cannot write there: ${why[code(error) ?? ''] ?? code(error) ?? 'error'}`, 'choose another place');
  };

  let target = path;
  let existing: nodeFs.Stats | undefined;
  try {
    const followed = fs.statSync(path, { throwIfNoEntry: false });
    if (OPEN_FILE.test(resolve(path)) || (followed && (followed.isFIFO() || followed.isCharacterDevice() || followed.isSocket()))) {
      return writeDirect(fs, path, bytes, OPEN_FILE.test(resolve(path)), fail);
    }
    const own = fs.lstatSync(path, { throwIfNoEntry: false });
    if (own?.isSymbolicLink()) {
      if (!force) throw new UsageError(`${shown} already exists (a link to ${inert(linkTarget(fs, path))})`, 'add --force to replace the file it links to, or choose another name');
      target = linkTarget(fs, path);
      existing = followed;
    } else existing = own;
    if (existing?.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (existing && !force) throw new UsageError(`${shown} already exists`, 'add --force to replace it, or choose another name');
  } catch (error) {
    fail(error);
  }

  const dir = dirname(target);
  const base = basename(target);
  removeStaleTemps(fs, dir, base);
  const temp = join(dir, tempName(base, process.pid));
  // A temp file of this name is a leftover of an earlier process that had our pid.
  cleanUp(fs, temp);
  let fd: number | undefined;
  let linking = false;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    writeAll(fs, fd, bytes);
    fs.fsyncSync(fd);
    const size = fs.fstatSync(fd).size;
    if (size !== bytes.length) throw new ShortWrite(size);
    fs.closeSync(fd);
    fd = undefined;
    linking = true;
    if (force) fs.renameSync(temp, target);
    else fs.linkSync(temp, target);
  } catch (error) {
    // The name was taken between the check and the link.
    if (code(error) === 'EEXIST' && linking && !force) {
      cleanUp(fs, temp);
      throw new UsageError(`${shown} already exists`, 'add --force to replace it, or choose another name');
    }
    if (fd !== undefined) closeQuietly(fs, fd);
    cleanUp(fs, temp);
    fail(error, existing !== undefined);
  }
  if (!force) cleanUp(fs, temp);
  syncDirectory(fs, dir);
}

/** Writes to a FIFO, a device or an open file as it is: no temp file, nothing to replace. */
function writeDirect(fs: OutputFs, path: string, bytes: Buffer, append: boolean, fail: (error: unknown) => never): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, nodeFs.constants.O_WRONLY | (append ? nodeFs.constants.O_APPEND : 0));
    writeAll(fs, fd, bytes);
  } catch (error) {
    // The reader of a FIFO went away: as for a closed pipe on stdout, nothing to say.
    if (code(error) !== 'EPIPE') fail(error);
  } finally {
    if (fd !== undefined) closeQuietly(fs, fd);
  }
}

function closeQuietly(fs: OutputFs, fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Already failing; the first error is the one to report.
  }
}

function cleanUp(fs: OutputFs, temp: string): void {
  try {
    fs.unlinkSync(temp);
  } catch {
    // Not there: nothing to clean.
  }
}

/** Flushes the directory so the new name survives a power cut; some file systems cannot, which is no failure. */
function syncDirectory(fs: OutputFs, dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
