import { quoted } from '../core/text.js';
import { resolve } from 'node:path';
import { printable } from '../core/time.js';
import { loadHomeProgram } from '../data/index.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';

/** Options of `spasm config` (none of its own). */
export type ConfigOptions = Record<string, never>;

const KEYS = ['program'] as const;
type Key = (typeof KEYS)[number];

function checkKey(key: string): Key {
  if ((KEYS as readonly string[]).includes(key)) return key as Key;
  throw new UsageError(`unknown setting ${quoted(key)}`, `the settings are: ${KEYS.join(', ')}`);
}

/** `spasm config set program <file>`: checks the file now, stores its absolute path. */
export async function configSet(_opts: ConfigOptions, deps: Deps, key: string, value: string): Promise<void> {
  checkKey(key);
  const path = resolve(value);
  // A file that does not load is refused now, with its problems, rather than at the next routine.
  const program = loadHomeProgram(path);
  await deps.store.update((doc) => {
    doc.settings.program = path;
  });
  deps.io.out(`program = ${printable(path)}\n`);
  deps.io.err(`spasm routine now uses ${quoted(program.name)} (${program.exercises.length} exercises).\n`);
}

/** `spasm config get [key]`: the value (nothing when unset), or every setting. */
export async function configGet(_opts: ConfigOptions, deps: Deps, key?: string): Promise<void> {
  const settings = (await deps.store.read()).settings;
  if (key !== undefined) {
    const value = settings[checkKey(key)];
    if (value !== undefined) deps.io.out(`${printable(value)}\n`);
    else deps.io.err(`${key} is not set: spasm routine uses the default program.\n`);
    return;
  }
  for (const k of KEYS) deps.io.out(`${k} = ${settings[k] === undefined ? '(not set: the default program)' : printable(settings[k])}\n`);
}

/** `spasm config unset <key>`. */
export async function configUnset(_opts: ConfigOptions, deps: Deps, key: string): Promise<void> {
  const k = checkKey(key);
  const had = await deps.store.update((doc) => {
    const was = doc.settings[k] !== undefined;
    delete doc.settings[k];
    return was;
  });
  deps.io.err(had ? `${k} unset: spasm routine uses the default program again.\n` : `${k} was not set.\n`);
}
