// spasm constructs conf only with the options of src/store/conf.ts: none
// that would need ajv, semver or debounce-fn (stubs in the bundle), and
// none of schema, defaults, migrations, watch or encryptionKey.
import { describe, expect, it, vi } from 'vitest';
import { CONF_OPTIONS } from '../../src/store/conf.js';
import { openStore } from '../../src/store/index.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

const seen = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('conf', async (importOriginal) => {
  const { default: Conf } = await importOriginal<typeof import('conf')>();
  return {
    default: class extends Conf {
      constructor(options: Record<string, unknown>) {
        seen.push(options);
        super(options);
      }
    },
  };
});

describe('the options spasm gives conf', () => {
  it('are the same few for every read and write', async () => {
    const store = openStore(tempDataDir());
    await store.update((doc) => void doc.episodes.push(episode({ id: 'eaaaa', onset: '2026-11-20T08:00:00+01:00' })));
    await store.read();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const options of seen) {
      expect(Object.keys(options).sort()).toEqual([...CONF_OPTIONS].sort());
      expect(options).toMatchObject({ cwd: store.dir, configName: 'spasm', fileExtension: 'json', configFileMode: 0o600, clearInvalidConfig: false });
      for (const forbidden of ['schema', 'defaults', 'migrations', 'watch', 'encryptionKey', 'projectVersion', 'rootSchema', 'ajvOptions']) expect(options).not.toHaveProperty(forbidden);
    }
  });

  it('no conf for a read of an absent store', async () => {
    seen.splice(0);
    await openStore(tempDataDir()).read();
    expect(seen).toEqual([]);
  });
});
