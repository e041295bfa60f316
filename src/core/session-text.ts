// The report's per-exercise figures need the sessions of the period only,
// and its adherence figures every session's time. On a 10-year store parsing
// all 3,650 sessions costs more than the rest of the report, so only the
// period's are parsed, cut from the sessions' JSON text as spasm wrote it
// (quotes inside strings are escaped there, so keys cannot be mistaken).
import type { StoreDocument } from './document.js';
import { msOf, type RoutineSession } from './records.js';

// Where each session begins in text spasm wrote (keys in the order of SPEC.md section 4).
const START = /\{"id":"r[2-9a-hjkmnp-z]+","at":"([^"]*)"/g;

/**
 * When every routine session happened (in stored order), and the sessions
 * whose time lies in [since, until] in full: from one pass over the text
 * spasm wrote, while the sessions are unparsed.
 */
export function periodSessions(doc: StoreDocument, since: Date, until: Date): { times: string[]; sessions: RoutineSession[] } {
  const [from, to] = [since.getTime(), until.getTime()];
  const inside = (at: string) => {
    const ms = msOf(at);
    return ms >= from && ms <= to;
  };
  const text = doc.unparsedSessions();
  if (text !== undefined) {
    const starts = Array.from(text.matchAll(START), (m) => ({ at: m[1]!, index: m.index }));
    // Every session found where it begins: `"at":"` occurs once a session in text spasm wrote (else parse it all).
    if (starts.length === (text.match(/"at":"/g)?.length ?? 0)) {
      const slices: string[] = [];
      starts.forEach((s, i) => {
        if (inside(s.at)) slices.push(text.slice(s.index, i + 1 < starts.length ? starts[i + 1]!.index - 1 : text.length - 1));
      });
      const parsed = JSON.parse(`[${slices.join(',')}]`) as RoutineSession[];
      if (parsed.length === slices.length) return { times: starts.map((s) => s.at), sessions: parsed };
    }
  }
  const all = doc.sessions();
  return { times: all.map((s) => s.at), sessions: all.filter((s) => inside(s.at)) };
}
