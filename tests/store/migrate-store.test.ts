// A real version-1 store (tests/fixtures, written by the first release's commands) meets schema version 2.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/records.js';
import { readExportFile } from '../../src/store/export-file.js';
import { openStore } from '../../src/store/index.js';
import { tempDataDir } from '../helpers/fake-deps.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);
const v1 = readFileSync(fixture('store-v1.json'));

function v1Store(): string {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'spasm.json'), v1, { mode: 0o600 });
  return dir;
}

describe('a version-1 store', () => {
  it('reads as version 2 in memory, and a read writes nothing', async () => {
    const dir = v1Store();
    const doc = await openStore(dir).read();
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(doc.episodes.map((e) => [e.id, e.activities, e.checkins])).toEqual([
      ['e44av', [], []],
      ['eeurk', [], []],
    ]);
    expect(readFileSync(join(dir, 'spasm.json')).equals(v1)).toBe(true);
    expect(existsSync(join(dir, 'spasm.v1.json'))).toBe(false);
  });

  it('is migrated on its first write, the old file kept as spasm.v1.json (mode 0600), every record kept', async () => {
    const dir = v1Store();
    const store = openStore(dir);
    await store.update((doc) => {
      doc.settings.name = 'Sam';
    });
    const kept = join(dir, 'spasm.v1.json');
    expect(readFileSync(kept).equals(v1)).toBe(true);
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    const written = JSON.parse(readFileSync(join(dir, 'spasm.json'), 'utf8'));
    const old = JSON.parse(v1.toString('utf8'));
    expect(written.schemaVersion).toBe(2);
    expect(written.episodes).toEqual(old.episodes.map((e: object) => ({ ...e, activities: [], checkins: [] })));
    expect(written.routineSessions).toEqual(old.routineSessions);
    expect(written.settings).toEqual({ name: 'Sam' });
    // A second write finds a version-2 store: the copy stays the version-1 file.
    await store.update((doc) => {
      doc.settings.name = 'Sam B';
    });
    expect(readFileSync(kept).equals(v1)).toBe(true);
  });
});

describe('import of a version-1 export', () => {
  it('is migrated and validated', () => {
    const doc = readExportFile(fixture('export-v1.json'));
    expect(doc.schemaVersion).toBe(2);
    expect(doc.episodes.every((e) => e.activities.length === 0 && e.checkins.length === 0)).toBe(true);
    expect(doc.routineSessions).toHaveLength(1);
  });
});
