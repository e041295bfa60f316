import { describe, expect, it } from 'vitest';
import { applyCheckin, asksSettled, lastScores, parseActivityFlag, parseMedicines, planActivities } from '../../src/core/checkin.js';
import { UsageError } from '../../src/errors.js';
import { episode } from '../helpers/records.js';

const onset = '2026-11-20T08:00:00+01:00';

describe('parseActivityFlag', () => {
  it.each([
    ['walking=4', { activity: 'walking', score: 4 }],
    ['  sitting   at work = 10', { activity: 'sitting at work', score: 10 }],
    ['a=b=0', { activity: 'a=b', score: 0 }],
  ])('%j → %j', (input, expected) => expect(parseActivityFlag(input)).toEqual(expected));

  it.each([
    ['walking', '--activity must be name=0-10 (got "walking")'],
    ['=4', '--activity needs an activity name'],
    ['walking=11', '--activity walking must be a whole number from 0 to 10 (got "11")'],
    ['walking=', '--activity walking must be a whole number from 0 to 10 (got "")'],
    [`${'x'.repeat(81)}=3`, '--activity names an activity of 81 characters; at most 80 are allowed'],
  ])('%j is refused: %s', (input, message) => {
    expect(() => parseActivityFlag(input)).toThrow(UsageError);
    expect(() => parseActivityFlag(input)).toThrow(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  });
});

describe('planActivities: up to 3, named once, re-rated', () => {
  it.each([
    ['the first names them', [], [['walking', 4]], ['walking'], [['walking', 4]]],
    ['a known name in another case keeps the stored name', ['walking'], [['Walking', 6]], ['walking'], [['walking', 6]]],
    ['a new name while fewer than 3', ['walking', 'sitting'], [['bending', 2]], ['walking', 'sitting', 'bending'], [['bending', 2]]],
    ['no rating at all', ['walking'], [], ['walking'], []],
  ] as const)('%s', (_name, existing, ratings, activities, scores) => {
    const plan = planActivities(existing, ratings.map(([activity, score]) => ({ activity, score })));
    expect(plan).toEqual({ activities, function: scores.map(([activity, score]) => ({ activity, score })) });
  });

  it('a fourth name is refused, naming the three', () => {
    expect(() => planActivities(['a', 'b', 'c'], [{ activity: 'd', score: 1 }])).toThrow(/fourth activity/);
  });

  it('one activity twice in a check-in is refused', () => {
    expect(() => planActivities([], [{ activity: 'walking', score: 1 }, { activity: 'WALKING', score: 2 }])).toThrow('--activity "walking" is given twice');
  });
});

describe('applyCheckin', () => {
  const base = () => episode({ id: 'e7k2q', onset, pain: [{ at: onset, score: 7 }] });

  it('stores the check-in, adds its pain to the pain list in time order, keeps the peak', () => {
    const e = base();
    const c = applyCheckin(e, { at: new Date('2026-11-21T09:00:00+01:00'), pain: 4, ratings: [{ activity: 'walking', score: 3 }], medicines: ['ibuprofen 400 mg'], sleptBadly: true, settled: false });
    expect(c).toEqual({ at: '2026-11-21T09:00:00+01:00', pain: 4, function: [{ activity: 'walking', score: 3 }], medicines: ['ibuprofen 400 mg'], sleptBadly: true, missedWork: null, notes: '' });
    expect(e.activities).toEqual(['walking']);
    expect(e.checkins).toEqual([c]);
    expect(e.pain.map((p) => p.score)).toEqual([7, 4]);
    expect(e.peakPain).toBe(7);
    expect(e.endedAt).toBeNull();
    // An earlier one (--at) goes before it.
    applyCheckin(e, { at: new Date('2026-11-20T20:00:00+01:00'), pain: 8, ratings: [], medicines: [], settled: false });
    expect(e.pain.map((p) => p.score)).toEqual([7, 8, 4]);
    expect(e.checkins.map((x) => x.pain)).toEqual([8, 4]);
    expect(e.peakPain).toBe(8);
  });

  it('settled ends the episode at the check-in time', () => {
    const e = base();
    applyCheckin(e, { at: new Date('2026-11-24T09:00:00+01:00'), pain: 0, ratings: [], medicines: [], settled: true });
    expect(e.endedAt).toBe('2026-11-24T09:00:00+01:00');
  });

  it('a time before the onset is refused, and nothing changes', () => {
    const e = base();
    expect(() => applyCheckin(e, { at: new Date('2026-11-19T09:00:00+01:00'), pain: 3, ratings: [], medicines: [], settled: false })).toThrow(/before episode e7k2q began/);
    expect(e).toEqual(base());
  });

  it('lastScores: the latest score of each activity', () => {
    const e = base();
    applyCheckin(e, { at: new Date('2026-11-21T09:00:00+01:00'), pain: 4, ratings: [{ activity: 'walking', score: 3 }, { activity: 'sitting', score: 1 }], medicines: [], settled: false });
    applyCheckin(e, { at: new Date('2026-11-22T09:00:00+01:00'), pain: 3, ratings: [{ activity: 'walking', score: 5 }], medicines: [], settled: false });
    expect([...lastScores(e)]).toEqual([
      ['walking', 5],
      ['sitting', 1],
    ]);
  });
});

describe('small rules', () => {
  it.each([
    [null, false],
    [0, true],
    [1, true],
    [2, false],
  ])('pain %s asks whether it settled: %s', (pain, expected) => expect(asksSettled(pain)).toBe(expected));

  it('medicines are kept as typed, trimmed; an empty one is refused', () => {
    expect(parseMedicines([' ibuprofen 400 mg ', 'Naproxen'])).toEqual(['ibuprofen 400 mg', 'Naproxen']);
    expect(() => parseMedicines([' '])).toThrow('--medicine must not be empty');
  });
});
