// The report's per-exercise figures need the sessions of the period only.
// On a 10-year store parsing all 3,650 sessions costs more than the rest of
// the report, so only the period's are parsed, cut from the sessions' JSON
// text as spasm wrote it (as StoreDocument.sessionTimes() reads the times).
import type { StoreDocument } from './document.js';
import { msOf, type RoutineSession } from './records.js';

// Where each session begins in text spasm wrote (keys in the order of SPEC.md section 4).
const START = /\{"id":"r[2-9a-hjkmnp-z]+","at":"([^"]*)"/g;

/** The routine sessions whose time lies in [since, until], in stored order; `times` is doc.sessionTimes(), if known. */
export function sessionsIn(doc: StoreDocument, since: Date, until: Date, times: readonly string[] = doc.sessionTimes()): RoutineSession[] {
  const [from, to] = [since.getTime(), until.getTime()];
  const inside = (at: string) => {
    const ms = msOf(at);
    return ms >= from && ms <= to;
  };
  const text = doc.unparsedSessions();
  if (text !== undefined) {
    const starts = Array.from(text.matchAll(START), (m) => ({ at: m[1]!, index: m.index }));
    // Every session found where it begins (else, text written some other way: parse it all).
    if (starts.length === times.length) {
      const slices: string[] = [];
      starts.forEach((s, i) => {
        if (inside(s.at)) slices.push(text.slice(s.index, i + 1 < starts.length ? starts[i + 1]!.index - 1 : text.length - 1));
      });
      const parsed = JSON.parse(`[${slices.join(',')}]`) as RoutineSession[];
      if (parsed.length === slices.length) return parsed;
    }
  }
  return doc.sessions().filter((s) => inside(s.at));
}
