// The only importer of conf. conf reads and writes spasm.json; spasm's own
// code around it covers what conf does not guarantee (../shared/conf-notes.md):
// the lock, the full-disk check, no in-place fallback, the directory's mode.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type Conf from 'conf';
import { StoreError } from '../errors.js';

/** The only options spasm gives conf (a test holds it): no schema, defaults, migrations, watch or encryption. */
export const CONF_OPTIONS = ['cwd', 'configName', 'fileExtension', 'projectSuffix', 'configFileMode', 'clearInvalidConfig', 'serialize', 'deserialize'] as const;

export type StoreConf = Conf<Record<string, unknown>>;

/** conf's own key in a store (its source: `INTERNAL_KEY`). */
export const INTERNAL_KEY = '__internal__';

/**
 * conf over `<dir>/spasm.json`. Its constructor reads the file once, through
 * `deserialize`; a `deserialize` that throws makes it throw, writing nothing
 * (clearInvalidConfig false).
 */
export async function openConf<T extends object>(dir: string, serialize: (value: T) => string, deserialize: (text: string) => T): Promise<StoreConf> {
  const { default: ConfClass } = await import('conf');
  const options: { [K in (typeof CONF_OPTIONS)[number]]: unknown } = {
    cwd: dir,
    configName: 'spasm',
    fileExtension: 'json',
    projectSuffix: '',
    configFileMode: 0o600,
    clearInvalidConfig: false,
    serialize,
    deserialize,
  };
  return new ConfClass(options as ConstructorParameters<typeof ConfClass>[0]);
}

// The same object conf's `import fs from 'node:fs'` holds.
const fs = createRequire(import.meta.url)('node:fs') as { writeFileSync: (...args: unknown[]) => void };

/**
 * Writes `value` through conf's atomic path only. conf writes the file in
 * place, not atomically, when `$SNAP` is set or a rename fails with EXDEV;
 * spasm refuses that instead: `SNAP` is hidden from conf for the write, and
 * a write in place to the store's path throws (nothing written).
 */
export function writeAtomically(conf: StoreConf, value: object): void {
  const snap = process.env.SNAP;
  delete process.env.SNAP;
  const inPlace = fs.writeFileSync;
  const target = resolve(conf.path);
  fs.writeFileSync = function guarded(this: unknown, file: unknown, ...rest: unknown[]) {
    if ((typeof file === 'string' || file instanceof URL) && resolve(file instanceof URL ? file.pathname : file) === target) {
      throw new StoreError(`cannot write the store ${target} atomically here (the file system refused a rename); nothing was saved`, 'Keep the data directory on a local disk (see --data-dir).');
    }
    return inPlace.call(this, file, ...rest);
  };
  // conf's store setter reads and parses the whole file again to carry its
  // '__internal__' key (used by its migrations, which spasm never passes)
  // unless the value has one: a hidden, empty one spares that read. spasm's
  // serialize ignores it (a test in tests/store/conf.test.ts pins this).
  Object.defineProperty(value, INTERNAL_KEY, { value: {}, enumerable: false, configurable: true });
  try {
    conf.store = value as Record<string, unknown>;
  } finally {
    delete (value as Record<string, unknown>)[INTERNAL_KEY];
    fs.writeFileSync = inPlace;
    if (snap === undefined) delete process.env.SNAP;
    else process.env.SNAP = snap;
  }
}
