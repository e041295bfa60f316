import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from '../../src/store/migrate.js';

// A fake history: version 1 had `notes` as a list, version 2 joined it, version 3 renamed a list.
const fake: Record<number, Migration> = {
  1: (doc) => ({ ...doc, notes: (doc.notes as string[]).join('\n') }),
  2: ({ sessions, ...doc }) => ({ ...doc, routineSessions: sessions }),
};

describe('migrate', () => {
  it('runs each step from the document version up to the target, and raises schemaVersion', () => {
    const result = migrate({ schemaVersion: 1, notes: ['a', 'b'], sessions: [1] }, 3, fake);
    expect(result).toEqual({ ok: true, from: 1, doc: { schemaVersion: 3, notes: 'a\nb', routineSessions: [1] } });
  });

  it('starts from the middle for a version-2 document', () => {
    expect(migrate({ schemaVersion: 2, notes: 'x', sessions: [] }, 3, fake)).toEqual({
      ok: true,
      from: 2,
      doc: { schemaVersion: 3, notes: 'x', routineSessions: [] },
    });
  });

  it('leaves the input object untouched', () => {
    const input = { schemaVersion: 1, notes: ['a'], sessions: [] };
    migrate(input, 3, fake);
    expect(input).toEqual({ schemaVersion: 1, notes: ['a'], sessions: [] });
  });

  it.each([
    [{ schemaVersion: 4 }, { ok: false, reason: 'newer', version: 4 }],
    [{ schemaVersion: 0 }, { ok: false, reason: 'no-version' }],
    [{ schemaVersion: '1' }, { ok: false, reason: 'no-version' }],
    [{}, { ok: false, reason: 'no-version' }],
    [[], { ok: false, reason: 'not-a-document' }],
    [null, { ok: false, reason: 'not-a-document' }],
  ])('%j → %j', (input, expected) => expect(migrate(input, 3, fake)).toEqual(expected));

  it('says which step is missing', () => {
    expect(migrate({ schemaVersion: 1 }, 3, { 1: (d) => d })).toEqual({ ok: false, reason: 'no-migration', version: 2 });
  });

  it('the current version needs no migration', () => {
    expect(MIGRATIONS).toEqual({});
    expect(migrate({ schemaVersion: 1, episodes: [] })).toEqual({ ok: true, from: 1, doc: { schemaVersion: 1, episodes: [] } });
  });
});
