import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Writes a file the user named (`--output`): refuses to replace an existing
 * one unless `force`, and writes through a temp file so a file is never left
 * half-written. Without `force`, link() puts it in place only if the name is
 * free, atomically (no window between a check and the write). Mode 0600: it
 * holds health data.
 */
export function writeOutputFile(path: string, content: string, force: boolean): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fail = (error: unknown): never => {
    throw new UsageError(`--output ${path}: cannot write there (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  };
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o600);
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    rmSync(temp, { force: true });
    fail(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  try {
    if (force) renameSync(temp, path);
    else linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`--output ${path} already exists`, 'add --force to replace it, or choose another name');
    }
    fail(error);
  } finally {
    rmSync(temp, { force: true });
  }
}
