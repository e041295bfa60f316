// The text of each record as spasm wrote it (src/store/codec.ts recordTexts),
// which a write compares with to find the records it changed.
import { describe, expect, it } from 'vitest';
import { StoreDocument } from '../../src/core/document.js';
import { emptyStore } from '../../src/core/records.js';
import { recordTexts, storeText } from '../../src/store/codec.js';
import { episode, session } from '../helpers/records.js';

const onset = '2026-11-20T08:00:00+01:00';
const tricky = 'notes with {"id":"e2222","onset":"2026" and {"id":"r2222","at":" inside, and ],"settings": too';
const episodes = [episode({ id: 'eaaaa', onset, notes: tricky }), episode({ id: 'ebbbb', onset: '2026-11-21T08:00:00+01:00' })];
// In the order spasm writes a session's keys (src/core/records.ts).
const canonical = (s: ReturnType<typeof session>) => ({ id: s.id, at: s.at, program: s.program, painBefore: s.painBefore, painAfter: s.painAfter, exercises: s.exercises });
const sessions = [canonical(session({ id: 'r3333', at: onset, program: tricky })), canonical(session({ id: 'r4444', at: onset }))];
const textOf = (e: object[], s: object[]) => storeText(StoreDocument.empty().head(), e.map((r) => JSON.stringify(r)), JSON.stringify(s));
const byId = (records: { id: string }[]) => new Map(records.map((r) => [r.id, JSON.stringify(r)]));

describe('recordTexts', () => {
  it.each([
    ['two of each, with record-like text inside strings', episodes, sessions],
    ['one of each', episodes.slice(1), sessions.slice(1)],
    ['none', [], []],
  ])('%s: each record\'s text is JSON.stringify\'s, by id', (_name, e, s) => {
    const text = textOf(e, s);
    expect(recordTexts(text, 'episodes')).toEqual(byId(e));
    expect(recordTexts(text, 'sessions')).toEqual(byId(s));
  });

  it.each([
    ['empty (no store yet)', ''],
    ['not in spasm\'s shape', JSON.stringify({ ...emptyStore(), episodes })],
    ['indented', JSON.stringify(JSON.parse(textOf(episodes, sessions)), null, 2)],
  ])('%s: no texts, so every record counts as changed', (_name, text) => {
    expect([...recordTexts(text, 'episodes').values(), ...recordTexts(text, 'sessions').values()].filter((t) => [...byId(episodes).values(), ...byId(sessions).values()].includes(t))).toEqual([]);
  });
});
