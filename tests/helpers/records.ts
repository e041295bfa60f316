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
