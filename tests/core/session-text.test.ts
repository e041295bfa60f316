import { describe, expect, it } from 'vitest';
import { StoreDocument } from '../../src/core/document.js';
import { emptyStore, sessionJson, type RoutineSession } from '../../src/core/records.js';
import { sessionsIn } from '../../src/core/session-text.js';
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

describe('sessionsIn: the period only, without parsing the rest', () => {
  it('cuts the period from the text spasm wrote, and gives what parsing would', () => {
    const doc = new StoreDocument(head, JSON.stringify(sessions));
    expect(sessionsIn(doc, since, until)).toEqual([sessions[1], sessions[2]]);
    expect(doc.unparsedSessions()).toBeDefined();
  });

  it('text in another key order is parsed after all, never miscut', () => {
    const doc = new StoreDocument(head, JSON.stringify(sessions.map(({ at, ...rest }) => ({ at, ...rest }))));
    expect(sessionsIn(doc, since, until).map((s) => s.id)).toEqual(['rbbbb', 'rcccc']);
  });

  it('parsed sessions are filtered as they are', () => {
    expect(sessionsIn(new StoreDocument(head, sessions), since, until)).toEqual([sessions[1], sessions[2]]);
  });
});
