/**
 * Loads the program data in data/ (the only fs access of src/data). Each file
 * is read once per process, parsed by ./parse.ts and cached, frozen.
 * Invalid built-in data is a defect of the installation (DataError, exit 1);
 * an invalid program file the user named is bad input (UsageError, exit 2).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoted } from '../core/text.js';
import { DataError, UsageError } from '../errors.js';
import { readUserJson } from '../user-file.js';
import checkedTexts from './generated/checked.json' with { type: 'json' };
import { parseExercises, parseHomeProgram, parseLogOptions, parseProtocol, parseRedFlags, parseSources } from './parse.js';
import type { ExerciseLibrary, HomeProgram, LogOptions, ParseResult, Protocol, RedFlagScreen, SourceList } from './types.js';

// From src/data/index.ts (vitest, tsx) data/ is two levels up; from a bundle
// in dist/ it is one level up. The first that holds protocol.json wins.
const CANDIDATES = ['../data/', '../../data/'];

let directory: string | undefined;

/** The absolute path of the data/ directory shipped with the program. */
export function dataDirectory(): string {
  if (directory === undefined) {
    const tried = CANDIDATES.map((candidate) => fileURLToPath(new URL(candidate, import.meta.url)));
    directory = tried.find((dir) => existsSync(resolve(dir, 'protocol.json')));
    if (directory === undefined) {
      throw new DataError('cannot find the program data directory', `looked in: ${tried.join(', ')}`);
    }
  }
  return directory;
}

const cache = new Map<string, unknown>();

function cached<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, deepFreeze(load()));
  return cache.get(key) as T;
}

/**
 * Loads a built-in data file; any problem is a DataError naming it. The build checked each file against its schema
 * and kept the text that passed (scripts/compile-schemas.mjs); the same text
 * skips that check here. An edited file is checked in full.
 */
function loadBuiltIn<T>(name: string, parse: (json: unknown, schemaChecked: boolean) => ParseResult<T>): T {
  return cached(`data:${name}`, () => {
    const file = `data/${name}`;
    const path = resolve(dataDirectory(), name);
    let json: unknown;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
      json = JSON.parse(text);
    } catch (error) {
      throw new DataError(`cannot read the built-in data file ${file}: ${reason(error)}`, 'reinstall spasm');
    }
    const checked = (checkedTexts as Record<string, string>)[name] === text;
    const result = parse(json, checked);
    if (!result.ok) throw new DataError(`the built-in data file ${file} is invalid`, result.errors.join('\n'));
    return result.value;
  });
}

/** The episode protocol (data/protocol.json), its stretch references checked against the library. */
export function loadProtocol(): Protocol {
  return loadBuiltIn('protocol.json', (json, checked) => parseProtocol(json, loadExercises(), checked));
}

/** The red-flag screen (data/red-flags.json). */
export function loadRedFlags(): RedFlagScreen {
  return loadBuiltIn('red-flags.json', parseRedFlags);
}

/** The exercise library (data/exercises.json). */
export function loadExercises(): ExerciseLibrary {
  return loadBuiltIn('exercises.json', parseExercises);
}

/** The options offered by `spasm log` (data/log-options.json). */
export function loadLogOptions(): LogOptions {
  return loadBuiltIn('log-options.json', parseLogOptions);
}

/** The source list (data/sources.json): source key → citation. */
export function loadSources(): SourceList {
  return loadBuiltIn('sources.json', parseSources);
}

/**
 * The home program: the default (data/program.json) without `file`, else the
 * user's program file (same schema), resolved against the exercise library.
 * A user's file that is missing, not JSON or invalid throws UsageError.
 */
export function loadHomeProgram(file?: string): HomeProgram {
  if (file === undefined) return loadBuiltIn('program.json', (json, checked) => parseHomeProgram(json, loadExercises(), checked));
  const path = resolve(file);
  return cached(`user:${path}`, () => {
    const json = readUserJson(file, 'program file');
    const result = parseHomeProgram(json, loadExercises());
    if (!result.ok) throw new UsageError(`program file ${quoted(file)} is invalid`, result.errors.join('\n'));
    return result.value;
  });
}

/** A short, human reason for a failed read or parse. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (error instanceof SyntaxError) return `not valid JSON (${error.message})`;
  return error instanceof Error ? error.message : String(error);
}

function deepFreeze<T>(value: T): T {
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    // A frozen Map can still be changed through set(); the types mark it read-only.
    return Object.freeze(value);
  }
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
