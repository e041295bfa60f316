// The built binary meets a real version-1 store, written by the first release's commands (tests/fixtures):
// the end-to-end run issue #12 asks for. The command-level twins are in tests/commands/migrate.test.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';

const v1 = readFileSync(new URL('../fixtures/store-v1.json', import.meta.url));
const NOW = '2026-11-23T09:00:00+00:00';

describe('a version-1 store (built binary)', () => {
  it('is read as it is, migrated on the first write with spasm.v1.json kept, and round-trips through export and import', () => {
    const dir = tempDataDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'spasm.json'), v1, { mode: 0o600 });
    const env = { SPASM_NOW: NOW, TZ: 'UTC' };

    const list = runSpasm(['log', 'list', '--json'], { dataDir: dir, env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).map((e: { id: string; checkins: unknown[] }) => [e.id, e.checkins])).toEqual([
      ['eeurk', []],
      ['e44av', []],
    ]);
    expect(readFileSync(join(dir, 'spasm.json')).equals(v1)).toBe(true);

    const edit = runSpasm(['log', 'edit', 'eeurk', '--note', 'Moving boxes, twice'], { dataDir: dir, env });
    expect(edit.code).toBe(0);
    expect(readFileSync(join(dir, 'spasm.v1.json')).equals(v1)).toBe(true);
    const migrated = JSON.parse(readFileSync(join(dir, 'spasm.json'), 'utf8'));
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.episodes.find((e: { id: string }) => e.id === 'eeurk').notes).toBe('Moving boxes, twice');

    const first = runSpasm(['export'], { dataDir: dir, env });
    expect(first.code).toBe(0);
    const file = join(tempDataDir(), 'export.json');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, first.stdout);
    const fresh = tempDataDir();
    expect(runSpasm(['import', file], { dataDir: fresh, env }).stdout).toBe('Imported 2 episodes and 1 routine session.\n');
    expect(runSpasm(['export'], { dataDir: fresh, env }).stdout).toBe(first.stdout);
  });
});
