// Reading a JSON file the user named (`spasm import <file>`, a program file):
// every refusal names the file and says where the problem is, never what the
// file holds (see core/user-json.ts). Used by src/store and src/data.
import { readFileSync } from 'node:fs';
import { quoted } from './core/text.js';
import { parseUserJson } from './core/user-json.js';
import { UsageError } from './errors.js';

/** Why a file could not be read, in words; never the system's message, which repeats the path raw. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return `it cannot be read (${code ?? 'error'})`;
}

/**
 * The parsed JSON of the file at `path`, which a refusal calls `label`
 * (e.g. "program file"); any problem is a UsageError (exit 2) with `hint`.
 */
export function readUserJson(path: string, label: string, hint?: string): unknown {
  const name = `${label} ${quoted(path)}`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${name}: ${readProblem(error)}`, hint);
  }
  const parsed = parseUserJson(bytes);
  if (!parsed.ok) throw new UsageError(`${name} ${parsed.problem}`, hint);
  return parsed.value;
}
