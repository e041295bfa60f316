import { describe, expect, it } from 'vitest';
import { StoreDocument } from '../../src/core/document.js';
import { emptyStore, sessionJson, type RoutineSession } from '../../src/core/records.js';
import { periodSessions } from '../../src/core/session-text.js';
import { session } from '../helpers/records.js';

// In the key order spasm writes (sessionJson, SPEC.md section 4).
const sessions: RoutineSession[] = [
  session({ id: 'raaaa', at: '2026-10-01T08:00:00+02:00', exercises: [{ id: 'pelvic-tilt', status: 'done' }] }),
  session({ id: 'rbbbb', at: '2026-11-01T08:00:00+01:00', program: 'my "physio" \\ {"id":"rcccc","at":"x"} plan', painBefore: 3, exercises: [{ id: 'pelvic-tilt', status: 'done' }, { id: 'cat-cow', status: 'stopped' }] }),
  session({ id: 'rcccc', at: '2026-11-02T08:00:00+01:00', painAfter: 10 }),
  session({ id: 'rdddd', at: '2026-12-02T08:00:00+01:00' }),
].map(sessionJson);
const { routineSessions: _, ...head } = emptyStore();
const since = new Date('2026-10-15T00:00:00+02:00');
const until = new Date('2026-11-30T00:00:00+01:00');

describe('periodSessions: every time, and the period only in full, without parsing the rest', () => {
  it('cuts the period from the text spasm wrote, and gives what parsing would', () => {
    const doc = new StoreDocument(head, JSON.stringify(sessions));
    expect(periodSessions(doc, since, until)).toEqual({ times: sessions.map((s) => s.at), sessions: [sessions[1], sessions[2]] });
    expect(doc.unparsedSessions()).toBeDefined();
  });

  it('text in another key order is parsed after all, never miscut', () => {
    const doc = new StoreDocument(head, JSON.stringify(sessions.map(({ at, ...rest }) => ({ at, ...rest }))));
    expect(periodSessions(doc, since, until).sessions.map((s) => s.id)).toEqual(['rbbbb', 'rcccc']);
    expect(doc.unparsedSessions()).toBeUndefined();
  });

  it('parsed sessions are filtered as they are', () => {
    expect(periodSessions(new StoreDocument(head, sessions), since, until)).toEqual({ times: sessions.map((s) => s.at), sessions: [sessions[1], sessions[2]] });
  });
});

describe('periodSessions, when a session does not begin as spasm writes it', () => {
  it('a session outside the period written another way is never swallowed into its neighbour: all is parsed', () => {
    const text = JSON.stringify(sessions).replace('{"id":"rdddd","at"', '{"at":"2026-12-02T08:00:00+01:00","id":"rdddd","x"');
    const doc = new StoreDocument(head, text);
    expect(periodSessions(doc, since, new Date('2026-12-31T00:00:00+01:00')).sessions.map((s) => s.id)).toEqual(['rbbbb', 'rcccc', 'rdddd']);
  });
});
