import { describe, expect, it } from 'vitest';
import { StoreDocument } from '../../src/core/document.js';
import { emptyStore, type StoreDoc } from '../../src/core/records.js';
import { mergeExport, toExport } from '../../src/core/transfer.js';
import { episode, session } from '../helpers/records.js';

const onset = '2026-11-20T08:00:00+01:00';
const doc = (fields: Partial<StoreDoc> = {}) => StoreDocument.of({ ...emptyStore(), ...fields });

describe('toExport / mergeExport', () => {
  it('export then merge into an empty store gives back the same data', () => {
    const source = doc({ episodes: [episode({ id: 'eaaaa', onset })], routineSessions: [session({ id: 'rbbbb', at: onset })], settings: { program: '/p.json' }, retiredIds: ['ecccc'] });
    const target = doc();
    expect(mergeExport(target, toExport(source, onset))).toEqual({ episodesAdded: 1, episodesSkipped: 0, sessionsAdded: 1, sessionsSkipped: 0 });
    expect(target.toJSON()).toEqual(source.toJSON());
  });

  it('skips and counts records whose id is present; keeps the store settings', () => {
    const target = doc({ episodes: [episode({ id: 'eaaaa', onset, notes: 'mine' })], settings: { program: '/mine.json' } });
    const incoming = toExport(
      doc({ episodes: [episode({ id: 'eaaaa', onset, notes: 'theirs' }), episode({ id: 'ebbbb', onset })], routineSessions: [session({ id: 'rcccc', at: onset })], settings: { program: '/theirs.json' } }),
      onset,
    );
    expect(mergeExport(target, incoming)).toEqual({ episodesAdded: 1, episodesSkipped: 1, sessionsAdded: 1, sessionsSkipped: 0 });
    expect(target.episodes.map((e) => [e.id, e.notes])).toEqual([
      ['eaaaa', 'mine'],
      ['ebbbb', ''],
    ]);
    expect(target.settings).toEqual({ program: '/mine.json' });
  });

  it('a restored record that was deleted here is live again: its id leaves retiredIds', () => {
    const target = doc({ retiredIds: ['eaaaa', 'ezzzz'] });
    mergeExport(target, toExport(doc({ episodes: [episode({ id: 'eaaaa', onset })] }), onset));
    expect(target.episodes.map((e) => e.id)).toEqual(['eaaaa']);
    expect(target.retiredIds).toEqual(['ezzzz']);
  });
});
