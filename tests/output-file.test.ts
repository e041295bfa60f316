// The one --output writer: complete or refused (SPEC.md section 3).
import * as fs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, SpasmError, UsageError } from '../src/errors.js';
import { writeOutputFile, type OutputFs } from '../src/output-file.js';

const fresh = () => fs.mkdtempSync(join(tmpdir(), 'spasm-output-'));
const content = `${'x'.repeat(20_000)}\n`;

function refusal(run: () => void): SpasmError {
  try {
    run();
  } catch (error) {
    if (error instanceof SpasmError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The real fs, except writeSync: `write` decides what each call does. */
function withWrite(write: (fd: number, bytes: Buffer, offset: number, length: number) => number): OutputFs {
  return { ...fs, writeSync: write as OutputFs['writeSync'] };
}

describe('writeOutputFile on a regular file', () => {
  it('writes a new file, mode 0600, with every byte, and leaves no temp file', () => {
    const dir = fresh();
    writeOutputFile(join(dir, 'out.json'), content, false);
    expect(fs.readFileSync(join(dir, 'out.json'), 'utf8')).toBe(content);
    expect(fs.statSync(join(dir, 'out.json')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('loops over short writes until every byte is written', () => {
    const dir = fresh();
    let calls = 0;
    const oneKiB = withWrite((fd, bytes, offset, length) => (calls++, fs.writeSync(fd, bytes, offset, Math.min(length, 1024))));
    writeOutputFile(join(dir, 'out.json'), content, false, oneKiB);
    expect(calls).toBe(Math.ceil(Buffer.byteLength(content) / 1024));
    expect(fs.readFileSync(join(dir, 'out.json'), 'utf8')).toBe(content);
  });

  it.each<[string, (fd: number, bytes: Buffer, offset: number, length: number) => number]>([
    ['a write that stops short (returns 0)', (fd, bytes, offset, length) => (offset === 0 ? fs.writeSync(fd, bytes, 0, 12_288) : 0)],
    ['a full disk (ENOSPC)', (fd, bytes, offset) => {
      if (offset === 0) return fs.writeSync(fd, bytes, 0, 12_288);
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }],
  ])('%s: exit 3, the old file untouched, no temp file left', (_name, write) => {
    const dir = fresh();
    const file = join(dir, 'out.json');
    fs.writeFileSync(file, 'the old report\n');
    const e = refusal(() => writeOutputFile(file, content, true, withWrite(write)));
    expect(e.exitCode).toBe(ExitCode.Store);
    expect(e.message).toBe(`--output "${file}": the disk is full: wrote 12,288 of 20,001 bytes, so nothing was written`);
    expect(e.hint).toBe('free some space or choose another place; the old file is as it was');
    expect(fs.readFileSync(file, 'utf8')).toBe('the old report\n');
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('refuses an existing file without --force (exit 2) and replaces it with --force', () => {
    const dir = fresh();
    const file = join(dir, 'out.json');
    fs.writeFileSync(file, 'old');
    const e = refusal(() => writeOutputFile(file, content, false));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.message).toBe(`--output "${file}" already exists`);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    writeOutputFile(file, content, true);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
    expect(fs.readdirSync(dir)).toEqual(['out.json']);
  });

  it('with --force follows a symlink and replaces its target; the link stays a link', () => {
    const dir = fresh();
    fs.mkdirSync(join(dir, 'elsewhere'));
    fs.writeFileSync(join(dir, 'elsewhere', 'real.json'), 'old');
    fs.symlinkSync(join('elsewhere', 'real.json'), join(dir, 'link.json'));
    expect(refusal(() => writeOutputFile(join(dir, 'link.json'), content, false)).exitCode).toBe(ExitCode.Usage);
    writeOutputFile(join(dir, 'link.json'), content, true);
    expect(fs.lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(join(dir, 'elsewhere', 'real.json'), 'utf8')).toBe(content);
    // A dangling link: the file it names is created.
    fs.symlinkSync('not-yet.json', join(dir, 'dangling.json'));
    writeOutputFile(join(dir, 'dangling.json'), content, true);
    expect(fs.readFileSync(join(dir, 'not-yet.json'), 'utf8')).toBe(content);
    expect(fs.lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
  });

  it('removes the temp files of killed writers to the same name, and only those', () => {
    const dir = fresh();
    // A pid that is surely not running: a child that has exited.
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    for (const name of [`.out.json.${dead}.tmp`, `.other.json.${dead}.tmp`, `.out.json.${process.ppid}.tmp`]) fs.writeFileSync(join(dir, name), 'partial');
    writeOutputFile(join(dir, 'out.json'), content, false);
    expect(fs.readdirSync(dir).sort()).toEqual([`.other.json.${dead}.tmp`, `.out.json.${process.ppid}.tmp`, 'out.json'].sort());
  });

  it.each<[string, (dir: string) => string, string]>([
    ['a missing directory', (dir) => join(dir, 'nope', 'out.json'), 'its directory does not exist'],
    ['a directory', (dir) => dir, 'it is a directory'],
  ])('%s is exit 2, naming why', (_name, pathOf, why) => {
    const path = pathOf(fresh());
    const e = refusal(() => writeOutputFile(path, content, true));
    expect(e.exitCode).toBe(ExitCode.Usage);
    expect(e.message).toBe(`--output "${path}": cannot write there: ${why}`);
  });

  it('a name with escapes is echoed inert', () => {
    const dir = fresh();
    const file = join(dir, 'a\u001b[2J\nspasm: fake');
    fs.writeFileSync(file, 'old');
    expect(refusal(() => writeOutputFile(file, content, false)).message).toBe(`--output "${dir}/a␛[2J\\nspasm: fake" already exists`);
  });
});

describe('writeOutputFile on what is not a regular file', () => {
  it('writes a FIFO directly, without --force, and leaves it a FIFO', async () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // The reader is another process: opening a FIFO to write waits for one, and this thread is that wait.
    const reader = spawn('cat', [fifo]);
    const read = new Promise<string>((done) => {
      let text = '';
      reader.stdout.on('data', (d) => (text += d)).on('end', () => done(text));
    });
    writeOutputFile(fifo, content, false);
    expect(await read).toBe(content);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  it('writes a character device directly (/dev/null stays a device)', () => {
    writeOutputFile('/dev/null', content, true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes /dev/stdout to the open file behind it instead of replacing that file', () => {
    const dir = fresh();
    const script = `import('${new URL('../src/output-file.ts', import.meta.url).pathname}').then((m) => m.writeOutputFile('/dev/stdout', 'hello\\n', true))`;
    const out = fs.openSync(join(dir, 'captured'), 'w');
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', out, 'inherit'] });
    fs.closeSync(out);
    expect(fs.readFileSync(join(dir, 'captured'), 'utf8')).toBe('hello\n');
    expect(fs.readdirSync(dir)).toEqual(['captured']);
  });
});
