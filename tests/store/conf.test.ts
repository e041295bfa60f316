// Pins what spasm relies on in conf beyond its documented options, so that a
// conf update that changes any of it fails here (../shared/conf-notes.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openConf, writeAtomically } from '../../src/store/conf.js';
import { tempDataDir } from '../helpers/fake-deps.js';

const fs = process.getBuiltinModule('node:fs');

function dirWith(text?: string): string {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  if (text !== undefined) writeFileSync(join(dir, 'spasm.json'), text, { mode: 0o600 });
  return dir;
}

/** conf over `dir` with spasm's options and counting serialize/deserialize. */
async function counted(dir: string) {
  const calls = { serialize: [] as unknown[], deserialize: [] as string[] };
  const conf = await openConf<object>(
    dir,
    (value) => {
      calls.serialize.push(value);
      return JSON.stringify(value);
    },
    (text) => {
      calls.deserialize.push(text);
      return JSON.parse(text) as object;
    },
  );
  return { conf, calls };
}

afterEach(() => {
  delete process.env.SNAP;
  vi.restoreAllMocks();
});

describe('conf, as spasm uses it', () => {
  it('its constructor reads the file once, through deserialize, and writes nothing', async () => {
    const dir = dirWith('{"a":1}');
    const before = statSync(join(dir, 'spasm.json'));
    const { conf, calls } = await counted(dir);
    expect(conf.path).toBe(join(dir, 'spasm.json'));
    expect(calls.deserialize).toEqual(['{"a":1}']);
    expect(calls.serialize).toEqual([]);
    expect(statSync(join(dir, 'spasm.json')).mtimeMs).toBe(before.mtimeMs);
  });

  it('a deserialize that throws makes the constructor throw that error, and the file stays', async () => {
    const dir = dirWith('{"a":1}');
    const refusal = new StoreError('no');
    await expect(openConf(dir, JSON.stringify, () => {
      throw refusal;
    })).rejects.toBe(refusal);
    expect(readFileSync(join(dir, 'spasm.json'), 'utf8')).toBe('{"a":1}');
  });

  it('with no file it calls no deserialize, but creates the missing directory (so spasm does not construct it for a read)', async () => {
    const dir = tempDataDir();
    const { calls } = await counted(dir);
    expect(calls.deserialize).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });

  it('the store setter hands serialize the very object given, after reading the file again through deserialize', async () => {
    const dir = dirWith('{"a":1}');
    const { conf, calls } = await counted(dir);
    const value = { b: 2 };
    conf.store = value;
    expect(calls.serialize).toEqual([value]);
    expect(calls.serialize[0]).toBe(value);
    expect(calls.deserialize).toEqual(['{"a":1}', '{"a":1}']);
    expect(readFileSync(join(dir, 'spasm.json'), 'utf8')).toBe('{"b":2}');
  });

  it('the setter skips that read when the value has conf\'s __internal__ key, even a hidden one; writeAtomically relies on it and removes the key after', async () => {
    const dir = dirWith('{"a":1}');
    const { conf, calls } = await counted(dir);
    const value = { b: 2 };
    writeAtomically(conf, value);
    expect(calls.deserialize).toEqual(['{"a":1}']); // the constructor's read only
    expect(calls.serialize[0]).toBe(value);
    expect(Object.getOwnPropertyNames(value)).toEqual(['b']);
    expect(readFileSync(join(dir, 'spasm.json'), 'utf8')).toBe('{"b":2}');
  });

  it('writes through a temp file beside the store, renamed over it (a new inode), with mode 0600, and leaves no temp file', async () => {
    const dir = dirWith('{"a":1}');
    const before = statSync(join(dir, 'spasm.json')).ino;
    const { conf } = await counted(dir);
    conf.store = { b: 2 };
    expect(readdirSync(dir)).toEqual(['spasm.json']);
    const after = statSync(join(dir, 'spasm.json'));
    expect(after.ino).not.toBe(before);
    expect(after.mode & 0o777).toBe(0o600);
  });

  it('with $SNAP set it writes the file in place (the reason spasm hides SNAP from it)', async () => {
    const dir = dirWith('{"a":1}');
    const { conf } = await counted(dir);
    const inPlace = vi.spyOn(fs, 'writeFileSync');
    process.env.SNAP = '/snap/spasm/1';
    conf.store = { b: 2 };
    expect(inPlace).toHaveBeenCalledWith(conf.path, '{"b":2}', { mode: 0o600 });
  });

  it('once loaded, its exit hook listens to SIGINT and raises it again (so run.ts must act on one Ctrl-C once)', () => {
    const script = `const before = process.listenerCount('SIGINT'); await import('conf');
      let seen = 0; process.on('SIGINT', () => seen++); process.kill(process.pid, 'SIGINT');
      setTimeout(() => console.log(before, process.listenerCount('SIGINT'), seen), 200);`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const [before, after, seen] = out.trim().split(' ').map(Number);
    expect(after).toBeGreaterThan(before!);
    expect(seen).toBe(2);
  });
});

describe('writeAtomically', () => {
  it('hides $SNAP from conf: the write is atomic, and SNAP is back afterwards', async () => {
    const dir = dirWith('{"a":1}');
    const before = statSync(join(dir, 'spasm.json')).ino;
    const { conf } = await counted(dir);
    process.env.SNAP = '/snap/spasm/1';
    writeAtomically(conf, { b: 2 });
    expect(statSync(join(dir, 'spasm.json')).ino).not.toBe(before);
    expect(process.env.SNAP).toBe('/snap/spasm/1');
  });

  it('refuses a write in place (conf\'s fallback), leaving the file as it was', async () => {
    const dir = dirWith('{"a":1}');
    const { conf } = await counted(dir);
    // conf reads SNAP when it writes: set it inside the guarded write to reach the fallback for real.
    const value = {
      get b() {
        process.env.SNAP = '/snap/spasm/1';
        return 2;
      },
    };
    expect(() => writeAtomically(conf, value)).toThrow(/atomically here.*nothing was saved/);
    expect(readFileSync(join(dir, 'spasm.json'), 'utf8')).toBe('{"a":1}');
    expect(readdirSync(dir)).toEqual(['spasm.json']);
  });
});
