import { describe, expect, it } from 'vitest';
import { courseOf, exerciseFigures } from '../../src/core/course.js';
import type { Checkin } from '../../src/core/records.js';
import { byUrgency, computeReport } from '../../src/core/report.js';
import { loadProtocol } from '../../src/data/index.js';
import { episode, session } from '../helpers/records.js';

const onset = '2026-11-10T08:00:00+01:00';
const day = (d: number, h = 20) => `2026-11-${String(10 + d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+01:00`;
const checkin = (at: string, fields: Partial<Checkin> = {}): Checkin => ({ at, pain: null, function: [], medicines: [], sleptBadly: null, missedWork: null, notes: '', ...fields });
const f = (pairs: Record<string, number>) => Object.entries(pairs).map(([activity, score]) => ({ activity, score }));

describe('courseOf: PSFS first → latest and whether the change is important', () => {
  it.each([
    ['+3 on one item is important', { a: [2, 5] }, [{ activity: 'a', first: 2, latest: 5, change: 3, important: true }], { first: 2, latest: 5, change: 3, important: true }],
    ['+2 on one item is not; the mean of +2 is', { a: [2, 4] }, [{ activity: 'a', first: 2, latest: 4, change: 2, important: false }], { first: 2, latest: 4, change: 2, important: true }],
    ['a fall of 3 is important too', { a: [7, 4] }, [{ activity: 'a', first: 7, latest: 4, change: -3, important: true }], { first: 7, latest: 4, change: -3, important: true }],
    ['rated once: no change', { a: [4] }, [{ activity: 'a', first: 4, latest: 4, change: 0, important: false }], { first: 4, latest: 4, change: 0, important: false }],
    [
      'the mean over items, to one decimal: +1.5 is not important',
      { a: [2, 4], b: [3, 4] },
      [
        { activity: 'a', first: 2, latest: 4, change: 2, important: false },
        { activity: 'b', first: 3, latest: 4, change: 1, important: false },
      ],
      { first: 2.5, latest: 4, change: 1.5, important: false },
    ],
  ])('%s', (_name, series, items, mean) => {
    const names = Object.keys(series);
    const rounds = Math.max(...Object.values(series).map((s) => s.length));
    const checkins = Array.from({ length: rounds }, (_, i) =>
      checkin(day(i), { function: f(Object.fromEntries(names.filter((n) => (series as Record<string, number[]>)[n]![i] !== undefined).map((n) => [n, (series as Record<string, number[]>)[n]![i]!]))) }),
    );
    const c = courseOf(episode({ id: 'eaaaa', onset, activities: names, checkins }));
    expect(c.function).toEqual(items);
    expect(c.psfsMean).toEqual(mean);
  });

  it('an activity never rated is left out; none rated: psfsMean null', () => {
    expect(courseOf(episode({ id: 'eaaaa', onset, activities: ['walking'] }))).toMatchObject({ function: [], psfsMean: null });
  });

  it('pain first, best, worst, latest by time (not by storage order); medicines ranked; nights and days counted once a date', () => {
    const e = episode({
      id: 'eaaaa',
      onset,
      pain: [
        { at: day(2), score: 3 },
        { at: day(0, 9), score: 7 },
        { at: day(1), score: 8 },
        { at: day(3), score: 4 },
      ],
      checkins: [
        checkin(day(1), { medicines: ['ibuprofen 400 mg', 'naproxen'], sleptBadly: true, missedWork: true }),
        checkin(day(1, 22), { medicines: ['ibuprofen 400 mg'], sleptBadly: true }),
        checkin(day(2), { medicines: ['ibuprofen 400 mg'], sleptBadly: false, missedWork: true }),
        checkin(day(3), { medicines: ['Aspirin'], missedWork: false }),
      ],
    });
    expect(courseOf(e)).toEqual({
      episodeId: 'eaaaa',
      pain: { first: 7, best: 3, worst: 8, latest: 4 },
      function: [],
      psfsMean: null,
      medicines: [
        { name: 'ibuprofen 400 mg', count: 3 },
        { name: 'Aspirin', count: 1 },
        { name: 'naproxen', count: 1 },
      ],
      nightsSleptBadly: 1,
      daysMissedWork: 2,
    });
  });

  it('no ratings at all: every pain figure null', () => {
    expect(courseOf(episode({ id: 'eaaaa', onset })).pain).toEqual({ first: null, best: null, worst: null, latest: null });
  });
});

describe('exerciseFigures', () => {
  it('counts done/skipped/stopped per exercise, most used first, and the mean pain before and after', () => {
    const sessions = [
      session({ id: 'raaaa', at: day(0), painBefore: 4, painAfter: 2, exercises: [{ id: 'pelvic-tilt', status: 'done' }, { id: 'cat-cow', status: 'stopped' }] }),
      session({ id: 'rbbbb', at: day(1), painBefore: 3, painAfter: null, exercises: [{ id: 'pelvic-tilt', status: 'skipped' }] }),
      session({ id: 'rcccc', at: day(2), exercises: [{ id: 'pelvic-tilt', status: 'done' }] }),
    ];
    expect(exerciseFigures(sessions)).toEqual({
      exercises: [
        { id: 'pelvic-tilt', done: 2, skipped: 1, stopped: 0 },
        { id: 'cat-cow', done: 0, skipped: 0, stopped: 1 },
      ],
      meanPainBefore: 3.5,
      meanPainAfter: 2,
    });
    expect(exerciseFigures([])).toEqual({ exercises: [], meanPainBefore: null, meanPainAfter: null });
  });
});

describe('the report: course, urgency', () => {
  const protocol = loadProtocol();
  const now = new Date(day(14, 10));
  const since = new Date(now.getTime() - 365 * 86_400_000);

  it('course is about the latest episode in the period, as it stood at --until', () => {
    const old = episode({ id: 'eaaaa', onset: '2026-06-01T08:00:00+02:00', endedAt: '2026-06-03T08:00:00+02:00', pain: [{ at: '2026-06-01T08:00:00+02:00', score: 9 }] });
    const latest = episode({ id: 'ebbbb', onset, pain: [{ at: day(0, 9), score: 6 }, { at: day(5), score: 2 }], checkins: [checkin(day(5), { pain: 2 })] });
    const r = computeReport({ episodes: [latest, old], routineSessions: [], name: 'Sam' }, since, new Date(day(3)), now, protocol);
    expect(r.json.patient).toEqual({ name: 'Sam' });
    expect(r.json.course).toMatchObject({ episodeId: 'ebbbb', pain: { first: 6, best: 6, worst: 6, latest: 6 } });
    expect(computeReport({ episodes: [], routineSessions: [] }, since, now, now, protocol).json).toMatchObject({ patient: { name: null }, course: null });
  });

  it('advice is ordered by urgency: emergency, same-day, then the others in their order', () => {
    const a = (code: string) => ({ code, text: code }) as never;
    expect(byUrgency([a('see-pt-persisting'), a('seek-same-day-care'), a('see-pt-recurring'), a('seek-emergency-care')]).map((x: { code: string }) => x.code)).toEqual([
      'seek-emergency-care',
      'seek-same-day-care',
      'see-pt-persisting',
      'see-pt-recurring',
    ]);
  });

  it('every positive screen is listed, also one a later "none" replaced', () => {
    const e = episode({
      id: 'eaaaa',
      onset,
      redFlags: { at: day(0, 10), positive: [], tier: 'none' },
      redFlagHistory: [
        { at: day(0, 9), positive: ['urination'], tier: 'emergency' },
        { at: day(0, 10), positive: [], tier: 'none' },
      ],
    });
    expect(computeReport({ episodes: [e], routineSessions: [] }, since, now, now, protocol).json.redFlags).toEqual([{ episodeId: 'eaaaa', at: day(0, 9), tier: 'emergency', positive: ['urination'] }]);
  });
});
