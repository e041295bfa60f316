// The commands meet a real version-1 store, written by the first release's
// commands (tests/fixtures), through the whole command line in process.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/fake-deps.js';
import { fakeDeps, runInProcess } from '../helpers/run-in-process.js';

const v1 = readFileSync(new URL('../fixtures/store-v1.json', import.meta.url));
const NOW = '2026-11-23T09:00:00+00:00';

describe('a version-1 store', () => {
  it('is read as it is, migrated on the first write with spasm.v1.json kept, and round-trips through export and import', async () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'spasm.json'), v1, { mode: 0o600 });
    const f = fakeDeps({ now: NOW, dataDir: dir });

    const list = await runInProcess(['log', 'list', '--json'], f);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((e: { id: string; checkins: unknown[] }) => [e.id, e.checkins])).toEqual([
      ['eeurk', []],
      ['e44av', []],
    ]);
    expect(readFileSync(join(dir, 'spasm.json')).equals(v1)).toBe(true);

    expect((await runInProcess(['log', 'edit', 'eeurk', '--note', 'Moving boxes, twice'], f)).code).toBe(0);
    expect(readFileSync(join(dir, 'spasm.v1.json')).equals(v1)).toBe(true);
    const migrated = JSON.parse(readFileSync(join(dir, 'spasm.json'), 'utf8'));
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.episodes.find((e: { id: string }) => e.id === 'eeurk').notes).toBe('Moving boxes, twice');

    const first = await runInProcess(['export'], f);
    expect(first.code).toBe(0);
    const file = join(tempDataDir(), 'export.json');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, first.stdout);
    const fresh = fakeDeps({ now: NOW });
    expect((await runInProcess(['import', file], fresh)).stdout).toBe('Imported 2 episodes and 1 routine session.\n');
    expect((await runInProcess(['export'], fresh)).stdout).toBe(first.stdout);
  });

  it('import takes the version-1 export of the first release', async () => {
    const f = fakeDeps({ now: NOW });
    const r = await runInProcess(['import', join(import.meta.dirname, '..', 'fixtures', 'export-v1.json')], f);
    expect(r).toEqual({ code: 0, stdout: 'Imported 2 episodes and 1 routine session.\n', stderr: '' });
    expect(JSON.parse(readFileSync(f.deps.store.file, 'utf8')).schemaVersion).toBe(2);
  });
});
