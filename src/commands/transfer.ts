import { formatIso } from '../core/time.js';
import { mergeExport, toExport } from '../core/transfer.js';
import type { Deps } from '../deps.js';
import { readExportFile } from '../store/export-file.js';
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
  deps.io.err(`Exported ${plural(doc.episodes.length, 'episode')} and ${plural(doc.sessions().length, 'routine session')} to ${opts.output}.\n`);
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
