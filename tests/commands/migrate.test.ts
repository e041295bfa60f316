// The first release's version-1 export (tests/fixtures), through the whole
// command line in process. Its store, migrated and round-tripped, is the
// end-to-end run in tests/e2e/migrate.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeDeps, runInProcess } from '../helpers/run-in-process.js';

const NOW = '2026-11-23T09:00:00+00:00';

describe('a version-1 export', () => {
  it('import takes the version-1 export of the first release', async () => {
    const f = fakeDeps({ now: NOW });
    const r = await runInProcess(['import', join(import.meta.dirname, '..', 'fixtures', 'export-v1.json')], f);
    expect(r).toEqual({ code: 0, stdout: 'Imported 2 episodes and 1 routine session.\n', stderr: '' });
    expect(JSON.parse(readFileSync(f.deps.store.file, 'utf8')).schemaVersion).toBe(2);
  });
});
