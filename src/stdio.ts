// Standard output and standard error. Node builds process.stdout and
// process.stderr on first touch, and for a pipe or a terminal that loads its
// stream and network modules: about 9 ms, a fifth of bare Node's start. So
// text goes to the file descriptors directly, and a stream is built only when
// something needs one (a prompt, a spinner, a countdown, or a pipe that is
// full: then the stream queues the rest, and every later write follows it).
import * as nodeFs from 'node:fs';
import { createRequire } from 'node:module';
import { ExitCode, SpasmError } from './errors.js';

/** The file operations used here; tests give a failing one (a short write, a full disk). */
export type StdioFs = Pick<typeof nodeFs, 'writeSync' | 'fstatSync' | 'statSync'>;

/**
 * Is `fd` a terminal? Only a character device can be, and /dev/null (where
 * scripts and services point standard input) is none: anything else never
 * loads node:tty to ask.
 */
export function isTerminal(fd: number, fs: StdioFs = nodeFs): boolean {
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === fs.statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;
const FULL = ['ENOSPC', 'EDQUOT', 'EFBIG'];

/**
 * The one error handler of the standard streams. A reader that went away
 * (`spasm export | head`) is not a failure: what is left has no one to read
 * it, so it is dropped quietly and the exit code stays as the command makes
 * it. Any other write error (a full disk behind `>`) is said on stderr and
 * fails the run.
 */
export function handleStreamErrors(stream: NodeJS.WriteStream, name: string, say: (line: string) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    const full = FULL.includes(error.code ?? '');
    if (name !== 'stderr') say(`spasm: cannot write ${name}: ${full ? 'the disk is full' : (error.code ?? 'error')}\n`);
    process.exitCode = full ? ExitCode.Store : ExitCode.Failure;
  });
}

/** One of the two standard outputs. */
export interface StdioWriter {
  write(text: string): void;
  /** The Node stream of this descriptor, built (with its error handler) on first call. */
  stream(): NodeJS.WriteStream;
}

/**
 * Writes to `fd` as `name` ('standard output' or 'stderr'). Every byte is
 * written or the write is refused: a full disk behind `>` throws (exit 3),
 * naming how much was written; a reader that went away drops the rest.
 */
export function stdioWriter(fd: number, name: string, streamOf: () => NodeJS.WriteStream, fs: StdioFs = nodeFs, say: (line: string) => void = () => {}): StdioWriter {
  let stream: NodeJS.WriteStream | undefined;
  let gone = false;
  const writer: StdioWriter = {
    stream() {
      if (!stream) {
        stream = streamOf();
        handleStreamErrors(stream, name, say);
      }
      return stream;
    },
    write(text) {
      if (gone) return;
      if (stream) return void stream.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) {
          const n = fs.writeSync(fd, bytes, done, bytes.length - done);
          if (!(n > 0)) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
          done += n;
        }
      } catch (error) {
        // A pipe set non-blocking by whoever shares it, and full for now: the stream waits for it.
        if (code(error) === 'EAGAIN') return void writer.stream().write(bytes.subarray(done));
        if (code(error) === 'EPIPE') {
          gone = true; // no one reads the rest
          return;
        }
        const full = FULL.includes(code(error) ?? '');
        if (fd === 2) {
          // Nowhere left to say it: the exit code does.
          gone = true;
          process.exitCode = full ? ExitCode.Store : ExitCode.Failure;
          return;
        }
        const written = full ? `: wrote ${done.toLocaleString('en')} of ${bytes.length.toLocaleString('en')} bytes` : ` (${code(error) ?? 'error'})`;
        throw new SpasmError(`cannot write ${name}${full ? ': the disk is full' : ''}${written}`, ExitCode.Store, 'anything the command saved is saved; free some space to see its output');
      }
    },
  };
  return writer;
}

/** This process's standard output and standard error. */
export const stderr: StdioWriter = stdioWriter(2, 'stderr', () => process.stderr);
export const stdout: StdioWriter = stdioWriter(1, 'standard output', () => process.stdout, nodeFs, (line) => stderr.write(line));

/** The terminal as createDeps sees it: this process's, or a test's. */
export interface Stdio {
  stdout: StdioWriter;
  stderr: StdioWriter;
  isTerminal(fd: number): boolean;
}
export const processStdio: Stdio = { stdout, stderr, isTerminal };
