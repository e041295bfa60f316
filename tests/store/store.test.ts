import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { emptyStore, SCHEMA_VERSION } from '../../src/core/records.js';
import { ExitCode, SpasmError, StoreError } from '../../src/errors.js';
import schemaHash from '../../src/store/generated/schema-hash.json' with { type: 'json' };
import { openStore, resolveDataDir } from '../../src/store/index.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode, session } from '../helpers/records.js';

const onset = '2026-11-20T08:00:00+01:00';
/** What spasm records in spasm.json.verified for the text it wrote and checked: its CRC-32 and length, and the schema's hash. */
function trusted(file: string): string {
  const text = readFileSync(file, 'utf8');
  return `crc32:${crc32(text).toString(16).padStart(8, '0')}:${Buffer.byteLength(text)} schema:${schemaHash.records}\n`;
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).exitCode).toBe(ExitCode.Store);
  return error as StoreError;
}

describe('resolveDataDir', () => {
  it.each([
    ['the flag wins', '/a', { SPASM_DATA_DIR: '/b', XDG_CONFIG_HOME: '/c' }, '/a'],
    ['then SPASM_DATA_DIR', undefined, { SPASM_DATA_DIR: '/b', XDG_CONFIG_HOME: '/c' }, '/b'],
    ['then $XDG_CONFIG_HOME/spasm', undefined, { XDG_CONFIG_HOME: '/c' }, '/c/spasm'],
  ])('%s', (_name, flag, env, expected) => expect(resolveDataDir(flag, env)).toBe(expected));

  it('else ~/.config/spasm', () => expect(resolveDataDir(undefined, {})).toMatch(/\/\.config\/spasm$/));

  it('refuses an empty --data-dir (exit 2) instead of using the current directory', () => {
    expect(() => resolveDataDir('', {})).toThrowError('--data-dir must name a directory (got "")');
    expect(() => resolveDataDir('  ', {})).toThrowError(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('openStore', () => {
  it('reads an absent store as empty without creating anything', async () => {
    const dir = tempDataDir();
    expect((await openStore(dir).read()).toJSON()).toEqual(emptyStore());
    expect(existsSync(dir)).toBe(false);
  });

  it('writes with mode 0600 in a 0700 directory, and reads back what it wrote', async () => {
    const dir = tempDataDir();
    const store = openStore(dir);
    const id = await store.update((doc) => {
      doc.episodes.push(episode({ id: 'e7k2q', onset }));
      return 'e7k2q';
    });
    expect(id).toBe('e7k2q');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['e7k2q']);
    expect(JSON.parse(readFileSync(store.file, 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('writes nothing when the change changes nothing', async () => {
    const dir = tempDataDir();
    await openStore(dir).update(() => undefined);
    expect(existsSync(join(dir, 'spasm.json'))).toBe(false);
  });

  it('writes nothing when the change throws', async () => {
    const store = openStore(tempDataDir());
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset })));
    const before = readFileSync(store.file);
    await expect(
      store.update((doc) => {
        doc.episodes.push(episode({ id: 'ebbbb', onset }));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(readFileSync(store.file)).toEqual(before);
  });

  it('refuses to write a record that breaks the schema (a bug of ours), leaving the file as it was', async () => {
    const store = openStore(tempDataDir());
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset })));
    const before = readFileSync(store.file);
    const error = await store.update((doc) => void (doc.episodes[0]!.peakPain = 11)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpasmError);
    expect((error as SpasmError).exitCode).toBe(ExitCode.Failure);
    expect(readFileSync(store.file)).toEqual(before);
  });

  it.each([0, 1, 2])('refuses a broken record among unchanged ones (episode %i of three)', async (broken) => {
    const store = openStore(tempDataDir());
    await store.update((doc) => {
      doc.episodes.push(...['eaaaa', 'ebbbb', 'ecccc'].map((id, i) => episode({ id, onset: `2026-11-2${i}T08:00:00+01:00`, notes: `{"id":"e2222","onset":"x` })));
      doc.sessions().push(session({ id: 'r2222', at: onset }));
    });
    const before = readFileSync(store.file);
    const error = await store.update((doc) => void (doc.episodes[broken]!.peakPain = 11)).catch((e: unknown) => e);
    expect((error as SpasmError).exitCode).toBe(ExitCode.Failure);
    expect((error as SpasmError).message).toContain(`$.episodes[${broken}].peakPain: must be at most 10`);
    expect(readFileSync(store.file)).toEqual(before);
  });

  it.each([
    ['not JSON', '{"schemaVersion":1,', 'is not valid JSON'],
    ['empty', '', 'is not valid JSON'],
    ['JSON but not a store', '[1,2,3]', 'has no valid schemaVersion'],
    ['a store with a broken record', JSON.stringify({ ...emptyStore(), episodes: [{ id: 'x' }] }), 'is damaged'],
    ['a time that is not a date', JSON.stringify({ ...emptyStore(), episodes: [episode({ id: 'eaaaa', onset: '2026-02-30T08:00:00+01:00' })] }), 'is not a real date'],
  ])('refuses a store that is %s (exit 3, named, byte for byte untouched), for reads and writes', async (_name, content, reason) => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'spasm.json');
    writeFileSync(file, content);
    const store = openStore(dir);
    const error = await refusal(store.read());
    expect(error.message).toContain(file);
    expect(error.message).toContain(reason);
    await refusal(store.update((doc) => void doc.episodes.push(episode({ id: 'ebbbb', onset }))));
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuses a store from a newer version, byte for byte untouched', async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const content = JSON.stringify({ ...emptyStore(), schemaVersion: SCHEMA_VERSION + 1 });
    writeFileSync(join(dir, 'spasm.json'), content);
    const error = await refusal(openStore(dir).update(() => undefined));
    expect(error.message).toContain('newer spasm');
    expect(readFileSync(join(dir, 'spasm.json'), 'utf8')).toBe(content);
  });

  it('refuses a store path that is a directory', async () => {
    const dir = tempDataDir();
    mkdirSync(join(dir, 'spasm.json'), { recursive: true });
    expect((await refusal(openStore(dir).read())).message).toContain('it is a directory');
  });

  it('refuses a data directory that cannot be created (exit 3)', async () => {
    const parent = tempDataDir();
    mkdirSync(join(parent, '..'), { recursive: true });
    writeFileSync(parent, 'a file, not a directory');
    const error = await refusal(openStore(join(parent, 'data')).update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset }))));
    expect(error.message).toContain('cannot create the data directory');
  });

  it('refuses a data directory it cannot write to (exit 3)', async () => {
    // /proc/self exists but takes no new files, even for root (tests here may run as root,
    // where chmod cannot make a directory read-only).
    const error = await refusal(openStore('/proc/self').update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset }))));
    expect(error.message).toMatch(/cannot (lock|write) the store/);
  });

  it('removes temp files that a killed writer left behind', async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'spasm.json.tmp-123abc'), 'half');
    await openStore(dir).update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset })));
    expect(existsSync(join(dir, 'spasm.json.tmp-123abc'))).toBe(false);
  });

  it('serialises writers in one process: none is lost', async () => {
    const store = openStore(tempDataDir());
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.update((doc) => void doc.retiredIds.push(`eaaa${'23456789ab'[i]}`))),
    );
    expect((await store.read()).retiredIds.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `eaaa${'23456789ab'[i]}`).sort());
  });

  it('a store spasm wrote, then edited by hand into an invalid one, is checked again and refused', async () => {
    const store = openStore(tempDataDir());
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset, pain: [{ at: onset, score: 4 }] })));
    const edited = readFileSync(store.file, 'utf8').replace('"peakPain":4', '"peakPain":12');
    writeFileSync(store.file, edited);
    const error = await refusal(store.read());
    expect(error.message).toContain('$.episodes[0].peakPain: must be at most 10');
    expect(readFileSync(store.file, 'utf8')).toBe(edited);
  });

  it('keeps routine sessions exactly through writes that do not touch them, and through writes that do', async () => {
    const store = openStore(tempDataDir());
    const sessions = [session({ id: 'r2222', at: onset, painBefore: 3, exercises: [{ id: 'pelvic-tilt', status: 'done' }] })];
    await store.update((doc) => void doc.sessions().push(...structuredClone(sessions)));
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset })));
    expect((await store.read()).sessions()).toEqual(sessions);
    await store.update((doc) => void (doc.sessions()[0]!.painAfter = 1));
    const after = await store.read();
    expect(after.sessions()).toEqual([{ ...sessions[0], painAfter: 1 }]);
    expect(after.episodes.map((e) => e.id)).toEqual(['eaaaa']);
  });

  it('refuses to write a changed routine session that breaks the schema', async () => {
    const store = openStore(tempDataDir());
    await store.update((doc) => void doc.sessions().push(session({ id: 'r2222', at: onset })));
    const error = await store.update((doc) => void (doc.sessions()[0]!.painBefore = 11)).catch((e: unknown) => e);
    expect((error as SpasmError).exitCode).toBe(ExitCode.Failure);
    expect((await store.read()).sessions()[0]!.painBefore).toBeNull();
  });

  it('keeps any Unicode exactly through the verified fast path (bytes, not characters)', async () => {
    const store = openStore(tempDataDir());
    const notes = 'Rücken 😣 — «links» \u2028 ,"routineSessions":[ 中文';
    await store.update((doc) => void doc.sessions().push(session({ id: 'r2222', at: onset, program: 'Übungen 💪' })));
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset, notes })));
    const bytes = readFileSync(store.file);
    expect(readFileSync(join(store.dir, 'spasm.json.verified'), 'utf8')).toBe(trusted(store.file));
    const doc = await store.read();
    expect(doc.episodes[0]!.notes).toBe(notes);
    expect(doc.sessions()[0]!.program).toBe('Übungen 💪');
    // A write that leaves the sessions alone copies their bytes as they were.
    await store.update((d) => void (d.episodes[0]!.notes = 'kürzer'));
    const after = readFileSync(store.file);
    const tail = (b: Buffer) => b.subarray(b.indexOf('"routineSessions"'));
    expect(tail(after).equals(tail(bytes))).toBe(true);
    expect((await store.read()).episodes[0]!.notes).toBe('kürzer');
  });

  it.each([
    ['edited in place, same size', (file: string) => writeFileSync(file, readFileSync(file, 'utf8').replace('"notes":"x"', '"notes":123'))],
    ['replaced by a copy of itself', (file: string) => (writeFileSync(`${file}.copy`, readFileSync(file)), renameSync(`${file}.copy`, file))],
    ['touched back to its old times', (file: string) => {
      const { atime, mtime } = statSync(file);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"notes":"x"', '"notes":123'));
      utimesSync(file, atime, mtime);
    }],
  ])('trusts the bytes it wrote, not a file %s with other bytes: that is checked in full', async (_name, change) => {
    const store = openStore(tempDataDir());
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset, notes: 'x' })));
    const record = readFileSync(join(store.dir, 'spasm.json.verified'), 'utf8');
    expect(record).toBe(trusted(store.file));
    const size = statSync(store.file).size;
    change(store.file);
    // The record is of the bytes: a copy of them is the same store, a same-size edit (whatever its times) is not.
    expect(readFileSync(join(store.dir, 'spasm.json.verified'), 'utf8') === trusted(store.file)).toBe(!readFileSync(store.file, 'utf8').includes('"notes":123'));
    if (readFileSync(store.file, 'utf8').includes('"notes":123')) {
      expect(statSync(store.file).size).toBe(size);
      const error = await refusal(store.read());
      expect(error.message).toContain('is damaged');
    } else expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa']);
  });

  it('a store kept elsewhere through a symlink stays there: the link is kept, its file updated', async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const elsewhere = join(tempDataDir(), '..', 'synced');
    mkdirSync(elsewhere);
    const real = join(elsewhere, 'health.json');
    const store = openStore(dir);
    writeFileSync(real, JSON.stringify(emptyStore()));
    symlinkSync(real, store.file);
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset })));
    expect(lstatSync(store.file).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(real, 'utf8')).episodes).toHaveLength(1);
    expect([...readdirSync(dir), ...readdirSync(elsewhere)].filter((n) => n.includes('.tmp-'))).toEqual([]);
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa']);
  });

  it.each([
    ['a head that is not JSON', '{"schemaVersion":1,"episodes":[oops],"settings":{},"retiredIds":[],"routineSessions":[]}', 'not valid JSON'],
    ['a head without its keys', '{"schemaVersion":1,"routineSessions":[]}', 'is damaged'],
  ])('a file that matches its record but is not in spasm\'s shape is checked in full (%s): exit 3', async (_name, text, reason) => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'spasm.json'), text);
    writeFileSync(join(dir, 'spasm.json.verified'), trusted(join(dir, 'spasm.json')));
    const error = await refusal(openStore(dir).read());
    expect(error.message).toContain(reason);
    expect(readFileSync(join(dir, 'spasm.json'), 'utf8')).toBe(text);
  });

  it('refuses a store that is not UTF-8 (exit 3) rather than replace the bad bytes, and leaves it as it was', async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true });
    const store = openStore(dir);
    const [head, tail] = JSON.stringify({ ...emptyStore(), episodes: [episode({ id: 'eaaaa', onset, notes: 'X' })] }).split('"X"');
    const bytes = Buffer.concat([Buffer.from(`${head}"`), Buffer.from([0xff, 0xfe]), Buffer.from(`"${tail}`)]);
    writeFileSync(store.file, bytes);
    expect((await refusal(store.read())).message).toContain('not UTF-8');
    expect((await refusal(store.update((doc) => void (doc.retiredIds = ['x'])))).message).toContain('not UTF-8');
    expect(readFileSync(store.file).equals(bytes)).toBe(true);
  });
});
