import type { StoreDocument } from './document.js';
import type { Episode, RoutineSession, StoreDoc } from './records.js';

/** The export document of SPEC.md section 4 (plus retiredIds, so a restore never hands out a deleted id again). */
export interface ExportDocument {
  format: 'spasm-export';
  schemaVersion: number;
  exportedAt: string;
  episodes: Episode[];
  routineSessions: RoutineSession[];
  settings: StoreDoc['settings'];
  retiredIds?: string[];
}

export function toExport(doc: StoreDocument, exportedAt: string): ExportDocument {
  return {
    format: 'spasm-export',
    schemaVersion: doc.schemaVersion,
    exportedAt,
    episodes: doc.episodes,
    routineSessions: doc.sessions(),
    settings: doc.settings,
    retiredIds: doc.retiredIds,
  };
}

export interface MergeCounts {
  episodesAdded: number;
  episodesSkipped: number;
  sessionsAdded: number;
  sessionsSkipped: number;
}

/**
 * Merges an export into `doc` in place: records whose id is already present
 * are skipped and counted; settings the store lacks are taken over.
 */
export function mergeExport(doc: StoreDocument, incoming: ExportDocument): MergeCounts {
  const counts: MergeCounts = { episodesAdded: 0, episodesSkipped: 0, sessionsAdded: 0, sessionsSkipped: 0 };
  const present = new Set([...doc.episodes.map((e) => e.id), ...doc.sessions().map((s) => s.id)]);
  for (const episode of incoming.episodes) {
    if (present.has(episode.id)) counts.episodesSkipped++;
    else {
      doc.episodes.push(episode);
      present.add(episode.id);
      counts.episodesAdded++;
    }
  }
  for (const session of incoming.routineSessions) {
    if (present.has(session.id)) counts.sessionsSkipped++;
    else {
      doc.sessions().push(session);
      present.add(session.id);
      counts.sessionsAdded++;
    }
  }
  doc.settings = { ...incoming.settings, ...doc.settings };
  // A restored record is live again: its id is no longer retired. Ids retired in the export stay retired.
  doc.retiredIds = doc.retiredIds.filter((id) => !present.has(id));
  const retired = new Set(doc.retiredIds);
  for (const id of incoming.retiredIds ?? []) if (!retired.has(id) && !present.has(id)) doc.retiredIds.push(id);
  return counts;
}
