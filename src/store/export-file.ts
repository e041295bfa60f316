// Reading a file the user names for `spasm import`: the store layer owns the
// export format's files as it owns the store's.
import { readFileSync } from 'node:fs';
import type { ExportDocument } from '../core/transfer.js';
import { UsageError } from '../errors.js';
import { migrate } from './migrate.js';
import { checkExportDoc } from './validate.js';

/** Reads and fully validates an export document; every problem is a UsageError (exit 2) naming the file. */
export function readExportFile(file: string): ExportDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`, 'give a file written by spasm export');
  }
  if ((raw as { format?: unknown })?.format !== 'spasm-export') {
    throw new UsageError(`${file} is not a spasm export: $.format must be "spasm-export"`, 'give a file written by spasm export');
  }
  const migrated = migrate(raw);
  if (!migrated.ok) {
    if (migrated.reason === 'newer') throw new UsageError(`${file} was written by a newer spasm (schema version ${migrated.version})`, 'update spasm to import it');
    throw new UsageError(`${file} is invalid: $.schemaVersion must be a whole number from 1`);
  }
  const checked = checkExportDoc(migrated.doc);
  if (!checked.ok) {
    const shown = checked.errors.slice(0, 20);
    const more = checked.errors.length > shown.length ? `\n… and ${checked.errors.length - shown.length} more` : '';
    throw new UsageError(`${file} is invalid (${checked.errors.length} ${checked.errors.length === 1 ? 'problem' : 'problems'}); nothing was imported`, `${shown.join('\n')}${more}`);
  }
  return checked.value;
}
