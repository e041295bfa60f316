import { readFileSync } from 'node:fs';
import { formatIso } from '../core/time.js';
import { mergeExport, toExport, type ExportDocument } from '../core/transfer.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { migrate } from '../store/migrate.js';
import { checkExportDoc } from '../store/validate.js';
import { writeOutputFile } from '../ui/files.js';
import { plural } from '../ui/style.js';

/** Options of `spasm export`. */
export interface ExportOptions {
  output?: string;
  force?: boolean;
}

export async function exportStore(opts: ExportOptions, deps: Deps): Promise<void> {
  const doc = await deps.store.read();
  const text = `${JSON.stringify(toExport(doc, formatIso(deps.clock.now())), null, 2)}\n`;
  if (opts.output === undefined) return deps.io.out(text);
  writeOutputFile(opts.output, text, Boolean(opts.force));
  deps.io.err(`Exported ${plural(doc.episodes.length, 'episode')} and ${plural(doc.routineSessions.length, 'routine session')} to ${opts.output}.\n`);
}

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

export async function importStore(_opts: object, deps: Deps, file: string): Promise<void> {
  const incoming = readExportFile(file);
  const counts = await deps.store.update((doc) => mergeExport(doc, incoming));
  const skipped = counts.episodesSkipped + counts.sessionsSkipped;
  deps.io.out(
    `Imported ${plural(counts.episodesAdded, 'episode')} and ${plural(counts.sessionsAdded, 'routine session')}` +
      `${skipped ? `; skipped ${skipped} already present (${plural(counts.episodesSkipped, 'episode')}, ${plural(counts.sessionsSkipped, 'session')})` : ''}.\n`,
  );
}
