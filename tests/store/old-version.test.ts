// The engine's hook for a schema change: the first write after reading an
// older schemaVersion keeps the old file beside the store as
// spasm.v<old>.json, and never overwrites one that exists. (Today's
// migrations start at 1; this pretends each full read found version 0.)
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

vi.mock('../../src/store/migrate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/store/migrate.js')>();
  return {
    ...real,
    migrate: (raw: unknown) => {
      const result = real.migrate(raw);
      return result.ok ? { ...result, from: result.from - 1 } : result;
    },
  };
});

const onset = '2026-11-20T08:00:00+01:00';

describe('the first write after an older schemaVersion', () => {
  it('keeps the old file as spasm.v<old>.json, once', async () => {
    const store = openStore(tempDataDir());
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset })));
    const old = readFileSync(store.file);
    // Without the record of its own last write, spasm reads the file in full (and migrates it).
    rmSync(join(store.dir, 'spasm.json.verified'));
    await store.update((doc) => void doc.episodes.push(episode({ id: 'ebbbb', onset })));
    expect(readFileSync(join(store.dir, 'spasm.v0.json')).equals(old)).toBe(true);
    rmSync(join(store.dir, 'spasm.json.verified'));
    await store.update((doc) => void doc.episodes.push(episode({ id: 'ecccc', onset })));
    expect(readFileSync(join(store.dir, 'spasm.v0.json')).equals(old)).toBe(true);
    expect((await store.read()).episodes.map((e) => e.id)).toEqual(['eaaaa', 'ebbbb', 'ecccc']);
  });
});
