// Reading a file the user names for `spasm import`: the store layer owns the
// export format's files as it owns the store's.
import type { ExportDocument } from '../core/transfer.js';
import { quoted } from '../core/text.js';
import { UsageError } from '../errors.js';
import { readUserJson } from '../user-file.js';
import { migrate } from './migrate.js';
import { checkExportDoc } from './validate.js';

/** Reads and fully validates an export document; every problem is a UsageError (exit 2) naming the file. */
export function readExportFile(file: string): ExportDocument {
  const hint = 'give a file written by spasm export';
  const raw = readUserJson(file, 'the file', hint);
  const name = `the file ${quoted(file)}`;
  if ((raw as { format?: unknown })?.format !== 'spasm-export') {
    throw new UsageError(`${name} is not a spasm export: $.format must be "spasm-export"`, hint);
  }
  const migrated = migrate(raw);
  if (!migrated.ok) {
    if (migrated.reason === 'newer') throw new UsageError(`${name} was written by a newer spasm (schema version ${migrated.version})`, 'update spasm to import it');
    throw new UsageError(`${name} is invalid: $.schemaVersion must be a whole number from 1`);
  }
  const checked = checkExportDoc(migrated.doc);
  if (!checked.ok) {
    const shown = checked.errors.slice(0, 20);
    const more = checked.errors.length > shown.length ? `\n… and ${checked.errors.length - shown.length} more` : '';
    throw new UsageError(`${name} is invalid (${checked.errors.length} ${checked.errors.length === 1 ? 'problem' : 'problems'}); nothing was imported`, `${shown.join('\n')}${more}`);
  }
  return checked.value;
}
