import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/core/records.js';
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
    expect(migrate({ schemaVersion: SCHEMA_VERSION, episodes: [] })).toEqual({ ok: true, from: SCHEMA_VERSION, doc: { schemaVersion: SCHEMA_VERSION, episodes: [] } });
  });

  it('1 → 2 gives every episode empty activities and check-ins, and changes nothing else', () => {
    const v1 = { schemaVersion: 1, episodes: [{ id: 'eaaaa', notes: 'x' }], routineSessions: [{ id: 'raaaa' }], settings: { program: '/p.json' }, retiredIds: ['ebbbb'] };
    expect(migrate(v1, 2)).toEqual({
      ok: true,
      from: 1,
      doc: { ...v1, schemaVersion: 2, episodes: [{ id: 'eaaaa', notes: 'x', activities: [], checkins: [] }] },
    });
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
  });

  it('1 → 2 leaves what is not an episode for the validator to refuse', () => {
    expect(migrate({ schemaVersion: 1, episodes: [null, 3] }, 2)).toEqual({ ok: true, from: 1, doc: { schemaVersion: 2, episodes: [null, 3] } });
    expect(migrate({ schemaVersion: 1, episodes: 'no' }, 2)).toEqual({ ok: true, from: 1, doc: { schemaVersion: 2, episodes: 'no' } });
  });
});
