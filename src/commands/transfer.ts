import { isAbsolute } from 'node:path';
import { inert, quoted, toJson } from '../core/text.js';
import { formatIso } from '../core/time.js';
import { mergeExport, toExport, type ExportDocument } from '../core/transfer.js';
import { loadHomeProgram } from '../data/index.js';
import { UsageError } from '../errors.js';
import type { Deps } from '../deps.js';
import { readExportFile } from '../store/export-file.js';
import { writeOutputFile } from '../output-file.js';
import { plural } from '../ui/style.js';

/** Options of `spasm export`. */
export interface ExportOptions {
  output?: string;
  force?: boolean;
}

export async function exportStore(opts: ExportOptions, deps: Deps): Promise<void> {
  const doc = await deps.store.read();
  const text = toJson(toExport(doc, formatIso(deps.clock.now())));
  if (opts.output === undefined) return deps.io.out(text);
  writeOutputFile(opts.output, text, Boolean(opts.force));
  deps.io.err(`Exported ${plural(doc.episodes.length, 'episode')} and ${plural(doc.sessions().length, 'routine session')} to ${inert(opts.output)}.\n`);
}


/** A program setting in an export is checked as `spasm config set program` checks it, so a restored store never breaks routine. */
function checkProgramSetting(incoming: ExportDocument, file: string): void {
  const program = incoming.settings.program;
  if (program === undefined) return;
  const hint = 'fix $.settings.program in the file, or remove it; nothing was imported';
  if (!isAbsolute(program)) throw new UsageError(`the file ${quoted(file)} is invalid: $.settings.program must be an absolute path (got ${quoted(program)})`, hint);
  try {
    loadHomeProgram(program);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`the file ${quoted(file)} is invalid: $.settings.program: ${error.message}`, `${error.hint ? `${error.hint}\n` : ''}${hint}`);
  }
}

export async function importStore(_opts: object, deps: Deps, file: string): Promise<void> {
  const incoming = readExportFile(file);
  checkProgramSetting(incoming, file);
  const counts = await deps.store.update((doc) => mergeExport(doc, incoming));
  const skipped = counts.episodesSkipped + counts.sessionsSkipped;
  deps.io.out(
    `Imported ${plural(counts.episodesAdded, 'episode')} and ${plural(counts.sessionsAdded, 'routine session')}` +
      `${skipped ? `; skipped ${skipped} already present (${plural(counts.episodesSkipped, 'episode')}, ${plural(counts.sessionsSkipped, 'session')})` : ''}.\n`,
  );
}
