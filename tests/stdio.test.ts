// Standard output and standard error written to their descriptors (src/stdio.ts):
// every byte or a refusal, a reader that left is no failure, a full pipe
// hands over to the stream, and no stream is built until one is asked for.
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExitCode, SpasmError } from '../src/errors.js';
import { isTerminal, stdioWriter, type StdioFs } from '../src/stdio.js';

const content = `${'x'.repeat(20_000)}\n`;
const fresh = () => fs.mkdtempSync(join(tmpdir(), 'spasm-stdio-'));
const errno = (code: string) => Object.assign(new Error(code), { code });

/** The real fs, except writeSync: `write` decides what each call does. */
const withWrite = (write: (fd: number, bytes: Buffer, offset: number, length: number) => number): StdioFs => ({ ...fs, writeSync: write as StdioFs['writeSync'] });

/** A stream that records what it was given, and how often it was built. */
function fakeStream() {
  const stream = { written: '', built: 0, handlers: 0 };
  const make = () => {
    stream.built++;
    return { write: (s: string | Uint8Array) => ((stream.written += s.toString()), true), on: () => void stream.handlers++, columns: 42 } as unknown as NodeJS.WriteStream;
  };
  return { stream, make };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('stdioWriter', () => {
  it('into a regular file, loops over short writes until every byte is written, and builds no stream', () => {
    const dir = fresh();
    const fd = fs.openSync(join(dir, 'out'), 'w');
    const { stream, make } = fakeStream();
    let calls = 0;
    stdioWriter(fd, 'standard output', make, withWrite((f, bytes, offset, length) => (calls++, fs.writeSync(f, bytes, offset, Math.min(length, 100))))).write(content);
    fs.closeSync(fd);
    expect(fs.readFileSync(join(dir, 'out'), 'utf8')).toBe(content);
    expect(calls).toBe(201);
    expect(stream.built).toBe(0);
  });

  it('refuses a full disk with exit 3, naming how much was written', () => {
    const { make } = fakeStream();
    for (const full of [withWrite((_f, _b, offset) => (offset === 0 ? 4096 : 0)), withWrite((_f, _b, offset) => (offset === 0 ? 4096 : (() => { throw errno('ENOSPC'); })()))]) {
      let refusal: unknown;
      try {
        stdioWriter(1, 'standard output', make, full).write(content);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(SpasmError);
      expect((refusal as SpasmError).exitCode).toBe(ExitCode.Store);
      expect((refusal as SpasmError).message).toBe('cannot write standard output: the disk is full: wrote 4,096 of 20,001 bytes');
    }
  });

  it('drops the rest quietly once the reader went away (EPIPE), also later writes', () => {
    let calls = 0;
    const writer = stdioWriter(1, 'standard output', fakeStream().make, withWrite(() => (calls++, (() => { throw errno('EPIPE'); })())));
    writer.write('one\n');
    writer.write('two\n');
    expect(calls).toBe(1);
    expect(process.exitCode).toBeUndefined();
  });

  it('hands what is left to the stream when the pipe is full for now (EAGAIN), and every later write follows it', () => {
    const { stream, make } = fakeStream();
    let calls = 0;
    const writer = stdioWriter(1, 'standard output', make, withWrite((_f, _b, offset, length) => (calls++ === 0 ? Math.min(length, 5) : (() => { throw errno('EAGAIN'); })())));
    writer.write('hello world\n');
    writer.write('next\n');
    expect(stream.written).toBe(' world\nnext\n');
    expect(stream.built).toBe(1);
    expect(stream.handlers).toBe(1);
    expect(calls).toBe(2);
  });

  it('on stderr, a write error is said by the exit code alone (there is nowhere left to say it)', () => {
    const writer = stdioWriter(2, 'stderr', fakeStream().make, withWrite(() => { throw errno('ENOSPC'); }));
    writer.write('spasm: something\n');
    expect(process.exitCode).toBe(ExitCode.Store);
  });

  it('builds its stream once, with the error handler, when asked', () => {
    const { stream, make } = fakeStream();
    const writer = stdioWriter(2, 'stderr', make);
    expect(stream.built).toBe(0);
    expect(writer.stream().columns).toBe(42);
    writer.stream();
    expect(stream.built).toBe(1);
    expect(stream.handlers).toBe(1);
    writer.write('after\n');
    expect(stream.written).toBe('after\n');
  });
});

describe('isTerminal', () => {
  it('is false for a file, a pipe, /dev/null and a closed descriptor', () => {
    const dir = fresh();
    const file = fs.openSync(join(dir, 'f'), 'w');
    const devNull = fs.openSync('/dev/null', 'w');
    expect([isTerminal(file), isTerminal(devNull), isTerminal(987_654)]).toEqual([false, false, false]);
    fs.closeSync(file);
    fs.closeSync(devNull);
  });
});

describe('the built program', () => {
  const bin = new URL('../bin/spasm.js', import.meta.url).pathname;
  it('answers status --json of a store on a pipe without building a stream or loading net, tty or child_process', () => {
    const probe = join(fresh(), 'probe.cjs');
    fs.writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(process.moduleLoadList)));\n");
    const dir = fresh();
    const env = { ...process.env, SPASM_DATA_DIR: dir };
    expect(spawnSync(process.execPath, [bin, 'log', '--onset', '2h ago', '--pain', '4', '--ongoing'], { env, stdio: 'ignore' }).status).toBe(0);
    const run = spawnSync(process.execPath, ['-r', probe, bin, 'status', '--json'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).episode.latestPain).toBe(4);
    const loaded: string[] = JSON.parse(run.output[3] as unknown as string);
    expect(loaded.filter((m) => /^NativeModule (net|tty|child_process)$/.test(m))).toEqual([]);
  });
});
