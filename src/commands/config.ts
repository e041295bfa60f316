import { resolve } from 'node:path';
import type { Settings } from '../core/records.js';
import { inert, quoted, toJson } from '../core/text.js';
import { parseChoice } from '../core/values.js';
import { loadHomeProgram } from '../data/index.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';

/** Options of `spasm config list`. */
export interface ConfigOptions {
  /** Print the settings as one JSON object. */
  json?: boolean;
}

type Key = keyof Required<Settings>;

/** Each key of SPEC.md `config`: what it allows, and what applies while it is unset. */
const KEYS: Record<Key, { unset: string; choices?: readonly string[] }> = {
  program: { unset: 'the default program' },
  name: { unset: 'no name on the report' },
  notify: { unset: 'on', choices: ['on', 'off'] },
  voice: { unset: 'off unless --voice', choices: ['on', 'off'] },
  therapy: { unset: 'the protocol decides: cold, then heat from 72 hours', choices: ['cold', 'heat', 'alternate'] },
};
const NAMES = Object.keys(KEYS) as Key[];

function checkKey(key: string): Key {
  if ((NAMES as string[]).includes(key)) return key as Key;
  throw new UsageError(`unknown setting ${quoted(key)}`, `the settings are: ${NAMES.join(', ')}`);
}

/** `spasm config set <key> <value>`: checked now, never at the command that reads it. */
export async function configSet(_opts: ConfigOptions, deps: Deps, key: string, value: string): Promise<void> {
  const k = checkKey(key);
  const spec = KEYS[k];
  let stored: string;
  let note: string | undefined;
  if (k === 'program') {
    stored = resolve(value);
    // A file that does not load is refused now, with its problems, rather than at the next routine.
    const program = loadHomeProgram(stored);
    note = `spasm routine now uses ${quoted(program.name)} (${program.exercises.length} exercises).`;
  } else if (spec.choices) stored = parseChoice(value, spec.choices, k);
  else {
    stored = value.trim();
    if (stored === '' || stored.length > 200) throw new UsageError(`${k} must be 1 to 200 characters (got ${stored.length})`, `to remove it: spasm config unset ${k}`);
  }
  await deps.store.update((doc) => {
    (doc.settings as Record<Key, string>)[k] = stored;
  });
  deps.io.out(`${k} = ${inert(stored)}\n`);
  if (note) deps.io.err(`${note}\n`);
}

/** `spasm config get <key>`: the value (nothing when unset); without a key, as `list`. */
export async function configGet(opts: ConfigOptions, deps: Deps, key?: string): Promise<void> {
  if (key === undefined) return configList(opts, deps);
  const k = checkKey(key);
  const value = (await deps.store.read()).settings[k];
  if (value !== undefined) deps.io.out(`${inert(value)}\n`);
  else deps.io.err(`${k} is not set: ${KEYS[k].unset}.\n`);
}

/** `spasm config list [--json]`: every key, set or not. */
export async function configList(opts: ConfigOptions, deps: Deps): Promise<void> {
  const settings = (await deps.store.read()).settings;
  if (opts.json) {
    const all = Object.fromEntries(NAMES.map((k) => [k, settings[k] ?? null]));
    return deps.io.out(toJson(all));
  }
  for (const k of NAMES) deps.io.out(`${k} = ${settings[k] === undefined ? `(not set: ${KEYS[k].unset})` : inert(settings[k]!)}\n`);
}

/** `spasm config unset <key>`. */
export async function configUnset(_opts: ConfigOptions, deps: Deps, key: string): Promise<void> {
  const k = checkKey(key);
  const had = await deps.store.update((doc) => {
    const was = doc.settings[k] !== undefined;
    delete doc.settings[k];
    return was;
  });
  deps.io.err(had ? `${k} unset: ${KEYS[k].unset}.\n` : `${k} was not set.\n`);
}
