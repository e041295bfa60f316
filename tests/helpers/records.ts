import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Episode, RoutineSession } from '../../src/core/records.js';
import { newEpisode, peakOf } from '../../src/core/records.js';

/** An episode for tests: defaults filled in, pain peak derived. */
export function episode(fields: Partial<Episode> & { id: string; onset: string }): Episode {
  const e = { ...newEpisode(fields.id, fields.onset, fields.source ?? 'log'), ...fields };
  if (fields.peakPain === undefined) e.peakPain = peakOf(e.pain);
  return e;
}

export function session(fields: Partial<RoutineSession> & { id: string; at: string }): RoutineSession {
  return { program: 'default', painBefore: null, painAfter: null, exercises: [], ...fields };
}

/** A file in a fresh temp dir holding an export document of `episodes`, for `spasm import`. */
export function exportFile(episodes: Episode[], name = 'export.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'spasm-export-'));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ format: 'spasm-export', schemaVersion: 1, exportedAt: '2026-11-27T10:00:00+01:00', episodes, routineSessions: [], settings: {} }));
  return file;
}
