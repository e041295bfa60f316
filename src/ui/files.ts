import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Writes a file the user named (`--output`): refuses to replace an existing
 * one unless `force`, and writes through a temp file and rename so a file is
 * never left half-written. Mode 0600: it holds health data.
 */
export function writeOutputFile(path: string, content: string, force: boolean): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch (error) {
    throw new UsageError(`--output ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    if (!force) {
      // link-then-unlink would be atomic too, but rename is portable; check first.
      try {
        openSync(path, 'r');
        throw new UsageError(`--output ${path} already exists`, 'add --force to replace it, or choose another name');
      } catch (error) {
        if (error instanceof UsageError) throw error;
      }
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--output ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
