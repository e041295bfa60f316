import { describe, expect, it } from 'vitest';
import { newEpisode, type Episode, type RoutineSession } from '../../src/core/records.js';
import { computeReport, median, painBuckets, rankNames, type Report } from '../../src/core/report.js';
import { formatIso } from '../../src/core/time.js';
import { loadProtocol } from '../../src/data/index.js';

// vitest runs in Europe/Berlin; November is +01:00.
const protocol = loadProtocol();
const NOW = new Date('2026-11-27T10:00:00+01:00');
const YEAR_AGO = new Date('2025-11-27T10:00:00+01:00');
const DAY = 86_400_000;

/** An episode `onsetDaysAgo` before NOW, lasting `lastedDays` (null: not ended). */
function ep(id: string, onsetDaysAgo: number, lastedDays: number | null, extra: Partial<Episode> = {}): Episode {
  const onset = new Date(NOW.getTime() - onsetDaysAgo * DAY);
  const e = newEpisode(id, formatIso(onset), 'log');
  e.endedAt = lastedDays === null ? null : formatIso(new Date(onset.getTime() + lastedDays * DAY));
  e.peakPain = 5;
  e.pain = [{ at: e.onset, score: 5 }];
  return { ...e, ...extra };
}

function session(id: string, at: string): RoutineSession {
  return { id, at, program: 'default', painBefore: null, painAfter: null, exercises: [] };
}

function report(episodes: Episode[], routineSessions: RoutineSession[] = [], since = YEAR_AGO, until = NOW): Report {
  return computeReport({ episodes, routineSessions }, since, until, NOW, protocol);
}

/** Every value in the JSON: no undefined, NaN or Infinity, and it survives a JSON round trip unchanged. */
function expectClean(value: unknown, path = '$'): void {
  if (value === undefined) throw new Error(`${path} is undefined`);
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectClean(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectClean(v, `${path}.${k}`);
  if (path === '$') expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}

describe('computeReport: summary figures', () => {
  const cases: { name: string; episodes: Episode[]; expected: Partial<Report['json']['summary']> }[] = [
    {
      name: 'no episodes',
      episodes: [],
      expected: { episodes: 0, recurrences: 0, firstOnset: null, lastOnset: null, medianDaysBetween: null, meanPeakPain: null, maxPeakPain: null, medianDurationDays: null, ongoing: null },
    },
    {
      name: 'one ended episode',
      episodes: [ep('eaaaa', 100, 2.25)],
      expected: { episodes: 1, recurrences: 0, medianDaysBetween: null, meanPeakPain: 5, maxPeakPain: 5, medianDurationDays: 2.3, ongoing: null },
    },
    {
      name: 'one episode without pain or end (too old to be ongoing)',
      episodes: [ep('eaaaa', 100, null, { pain: [], peakPain: null })],
      expected: { episodes: 1, meanPeakPain: null, maxPeakPain: null, medianDurationDays: null, ongoing: null },
    },
    {
      name: 'the next onset exactly 30 days after the previous ended: a recurrence',
      episodes: [ep('eaaaa', 100, 5), ep('ebbbb', 65, 1)],
      expected: { episodes: 2, recurrences: 1, medianDaysBetween: 35 },
    },
    {
      name: 'a minute short of 30 days: not a recurrence',
      episodes: [ep('eaaaa', 100, 5), ep('ebbbb', 65 + 1 / 1440, 1)],
      expected: { episodes: 2, recurrences: 0 },
    },
    {
      name: 'previous never ended: the gap counts from its onset (30 days: recurrence)',
      episodes: [ep('eaaaa', 100, null), ep('ebbbb', 70, 3)],
      expected: { episodes: 2, recurrences: 1, medianDurationDays: 3 },
    },
    {
      name: 'previous never ended, 29 days: not a recurrence',
      episodes: [ep('eaaaa', 100, null), ep('ebbbb', 71, 3)],
      expected: { recurrences: 0 },
    },
    {
      name: 'an ongoing episode (3.5 days) after an ended one',
      episodes: [ep('eaaaa', 200, 4), ep('ebbbb', 3.5, null, { peakPain: 8 })],
      expected: { episodes: 2, recurrences: 1, meanPeakPain: 6.5, maxPeakPain: 8, medianDurationDays: 4, ongoing: { id: 'ebbbb', daysSinceOnset: 3.5 } },
    },
    {
      name: 'overlapping episodes: the second began before the first ended',
      episodes: [ep('eaaaa', 100, 10), ep('ebbbb', 95, 2), ep('ecccc', 20, 1)],
      expected: { episodes: 3, recurrences: 1, medianDaysBetween: 40, medianDurationDays: 2 },
    },
    {
      name: 'median of an even number of gaps (4), and of durations rounded to one decimal',
      episodes: [ep('eaaaa', 300, 1), ep('ebbbb', 250, 1.04), ep('ecccc', 190, 1.12), ep('edddd', 100, 2), ep('eeeee', 10, 3)],
      expected: { medianDaysBetween: 75, medianDurationDays: 1.1 },
    },
    {
      name: 'mean worst pain rounded to one decimal',
      episodes: [ep('eaaaa', 300, 1, { peakPain: 7 }), ep('ebbbb', 200, 1, { peakPain: 8 }), ep('ecccc', 100, 1, { peakPain: 8 })],
      expected: { meanPeakPain: 7.7, maxPeakPain: 8 },
    },
    {
      name: 'first and last onset are the oldest and newest, whatever the stored order',
      episodes: [ep('ebbbb', 10, 1), ep('eaaaa', 300, 1), ep('ecccc', 100, 1)],
      expected: { firstOnset: formatIso(new Date(NOW.getTime() - 300 * DAY)), lastOnset: formatIso(new Date(NOW.getTime() - 10 * DAY)) },
    },
  ];
  it.each(cases)('$name', ({ episodes, expected }) => {
    const r = report(episodes);
    expect(r.json.summary).toMatchObject(expected);
    expectClean(r.json);
  });

  it('lists the episodes of the period oldest first, as stored records with the keys in SPEC order', () => {
    const a = ep('eaaaa', 300, 1);
    const r = report([ep('ebbbb', 10, 1), a]);
    expect(r.json.episodes.map((e) => e.id)).toEqual(['eaaaa', 'ebbbb']);
    expect(r.json.episodes[0]).toEqual(a);
    expect(Object.keys(r.json.episodes[0]!)).toEqual(['id', 'onset', 'endedAt', 'source', 'pain', 'peakPain', 'triggers', 'helped', 'legs', 'notes', 'redFlags', 'steps', 'therapy', 'activities', 'checkins']);
  });
});

describe('computeReport: the period', () => {
  const since = new Date(NOW.getTime() - 60 * DAY);

  it('counts an episode by its onset: one straddling --since is not counted, but noted as carried over', () => {
    const straddling = ep('eaaaa', 62, 5); // began 62 days ago, ended 57 days ago
    const inside = ep('ebbbb', 20, 1);
    const r = report([straddling, inside], [], since);
    expect(r.json.summary.episodes).toBe(1);
    expect(r.json.episodes.map((e) => e.id)).toEqual(['ebbbb']);
    expect(r.carriedOver.map((e) => e.id)).toEqual(['eaaaa']);
    // The 30-day rule still sees the straddling episode: 37 days after it ended.
    expect(r.json.summary.recurrences).toBe(1);
    expect(r.json.summary.firstOnset).toBe(inside.onset);
    expectClean(r.json);
  });

  it('does not note episodes that ended before --since, nor stale unended ones', () => {
    const r = report([ep('eaaaa', 70, 5), ep('ebbbb', 90, null)], [], since);
    expect(r.carriedOver).toEqual([]);
    expect(r.json.summary.episodes).toBe(0);
  });

  it('notes an unended episode that began shortly before --since (it may still be going on)', () => {
    const r = report([ep('eaaaa', 65, null)], [], since);
    expect(r.carriedOver.map((e) => e.id)).toEqual(['eaaaa']);
  });

  it('includes episodes with onset exactly at --since and --until', () => {
    const until = new Date(NOW.getTime() - DAY);
    const r = report([ep('eaaaa', 60, 1), ep('ebbbb', 1, null), ep('ecccc', 0.5, null)], [], since, until);
    expect(r.json.episodes.map((e) => e.id)).toEqual(['eaaaa', 'ebbbb']);
  });

  it('a past period sees the history as it stood at --until: an episode ended later was ongoing then', () => {
    const until = new Date(NOW.getTime() - 95 * DAY);
    const e = ep('eaaaa', 100, 10); // onset 100 days ago, ended 90 days ago
    const r = report([e], [], new Date(until.getTime() - 365 * DAY), until);
    expect(r.json.summary.ongoing).toEqual({ id: 'eaaaa', daysSinceOnset: 5 });
    expect(r.json.summary.medianDurationDays).toBeNull();
    // ...but the record itself goes out as stored.
    expect(r.json.episodes[0]!.endedAt).toBe(e.endedAt);
    expect(r.json.period).toEqual({ since: formatIso(new Date(until.getTime() - 365 * DAY)), until: formatIso(until) });
    expect(r.json.generatedAt).toBe(formatIso(NOW));
  });

  it('the ongoing episode and the advice are those of the whole history, even if it began before --since', () => {
    const r = report([ep('eaaaa', 9, null)], [], new Date(NOW.getTime() - 2 * DAY));
    expect(r.json.summary.episodes).toBe(0);
    expect(r.json.summary.ongoing).toEqual({ id: 'eaaaa', daysSinceOnset: 9 });
    expect(r.json.advice.map((a) => a.code)).toEqual(['see-pt-persisting']);
  });
});

describe('computeReport: triggers, helped, legs, red flags, advice', () => {
  it('ranks by count, then name (code-unit order), counting a name once per episode', () => {
    const r = report([
      ep('eaaaa', 300, 1, { triggers: ['lifting', 'bending', 'lifting'], helped: ['heat'] }),
      ep('ebbbb', 200, 1, { triggers: ['bending', 'Zebra'], helped: ['walking', 'heat'] }),
      ep('ecccc', 100, 1, { triggers: ['twisting', 'bending'], helped: [] }),
    ]);
    expect(r.json.triggers).toEqual([
      { name: 'bending', count: 3 },
      { name: 'Zebra', count: 1 },
      { name: 'lifting', count: 1 },
      { name: 'twisting', count: 1 },
    ]);
    expect(r.json.helped).toEqual([
      { name: 'heat', count: 2 },
      { name: 'walking', count: 1 },
    ]);
  });

  it('counts leg spread with every key present', () => {
    const r = report([ep('eaaaa', 300, 1, { legs: 'thigh' }), ep('ebbbb', 200, 1, { legs: 'thigh' }), ep('ecccc', 100, 1, { legs: null })]);
    expect(r.json.legs).toEqual({ none: 0, buttock: 0, thigh: 2, 'below-knee': 0 });
  });

  it('lists only screens with a positive answer, oldest first', () => {
    const flags = (at: string, positive: string[], tier: 'none' | 'same-day' | 'emergency') => ({ redFlags: { at, positive, tier } });
    const r = report([
      ep('ecccc', 100, 1, flags('2026-08-19T10:00:00+02:00', ['urination'], 'emergency')),
      ep('eaaaa', 300, 1, flags('2026-01-31T10:00:00+01:00', ['fever', 'night-pain'], 'same-day')),
      ep('ebbbb', 200, 1, flags('2026-05-11T10:00:00+02:00', [], 'none')),
    ]);
    expect(r.json.redFlags).toEqual([
      { episodeId: 'eaaaa', at: '2026-01-31T10:00:00+01:00', tier: 'same-day', positive: ['fever', 'night-pain'] },
      { episodeId: 'ecccc', at: '2026-08-19T10:00:00+02:00', tier: 'emergency', positive: ['urination'] },
    ]);
  });

  it.each([
    { name: 'no episodes', episodes: [], codes: [] },
    { name: 'a recurrence within the year', episodes: [ep('eaaaa', 300, 1), ep('ebbbb', 100, 1)], codes: ['see-pt-recurring'] },
    { name: 'ongoing 8 days', episodes: [ep('eaaaa', 8, null)], codes: ['see-pt-persisting'] },
    {
      name: 'ongoing with an emergency screen',
      episodes: [ep('eaaaa', 0.1, null, { redFlags: { at: formatIso(NOW), positive: ['urination'], tier: 'emergency' } })],
      codes: ['seek-emergency-care'],
    },
  ])('advice: $name', ({ episodes, codes }) => {
    expect(report(episodes).json.advice.map((a) => a.code)).toEqual(codes);
  });
});

describe('computeReport: routine adherence', () => {
  const at = (day: string, time = '19:00') => `${day}T${time}:00+01:00`;

  it('a store with only routine sessions', () => {
    const sessions = [
      session('raaaa', at('2026-11-27', '07:00')),
      session('rbbbb', at('2026-11-26')),
      session('rcccc', at('2026-11-26', '20:00')),
      session('rdddd', at('2026-11-25')),
      session('reeee', at('2026-11-20')),
      session('rffff', at('2026-11-02')),
      session('rgggg', at('2026-10-30')), // before the 4 weeks
      session('rhhhh', '2025-06-01T19:00:00+02:00'), // before the period
    ];
    const r = report([], sessions);
    expect(r.json.summary.episodes).toBe(0);
    expect(r.json.routine).toEqual({
      sessions: 7,
      activeDays: 6,
      streakDays: 3,
      weeks: [
        { start: '2026-10-31T00:00:00+01:00', sessions: 1 },
        { start: '2026-11-07T00:00:00+01:00', sessions: 0 },
        { start: '2026-11-14T00:00:00+01:00', sessions: 1 },
        { start: '2026-11-21T00:00:00+01:00', sessions: 4 },
      ],
      exercises: [],
      meanPainBefore: null,
      meanPainAfter: null,
    });
    expect(r.json.course).toBeNull();
    expect(r.json.advice).toEqual([]);
    expectClean(r.json);
  });

  it.each([
    { name: 'no sessions', days: [], streak: 0 },
    { name: 'today only', days: ['2026-11-27'], streak: 1 },
    { name: 'up to yesterday: today is not over, the streak holds', days: ['2026-11-25', '2026-11-26'], streak: 2 },
    { name: 'last session two days ago: broken', days: ['2026-11-24', '2026-11-25'], streak: 0 },
    { name: 'a gap breaks it', days: ['2026-11-22', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'], streak: 4 },
    { name: 'two sessions a day count one day each', days: ['2026-11-26', '2026-11-26', '2026-11-27'], streak: 2 },
  ])('streak: $name', ({ days, streak }) => {
    const r = report([], days.map((d, i) => session(`r${'abcdefg'[i]}aaa`, at(d, '08:00'))));
    expect(r.json.routine.streakDays).toBe(streak);
  });

  // Times as Berlin has them (TZ of the tests): summer time (+02:00) until 25 October 2026, 03:00.
  it.each([
    ['just after local midnight and just before it, across the change to winter time', ['2026-10-24T00:05:00+02:00', '2026-10-25T23:55:00+01:00', '2026-10-26T00:01:00+01:00'], 3, 3],
    ['late at night and early next morning are two days; one gap breaks it', ['2026-10-20T23:59:00+02:00', '2026-10-22T00:00:00+02:00', '2026-10-23T23:30:00+02:00', '2026-10-24T06:00:00+02:00', '2026-10-25T12:00:00+01:00', '2026-10-26T07:00:00+01:00'], 5, 6],
  ])('streak and active days in local days: %s', (_name, times, streak, activeDays) => {
    const until = new Date('2026-10-26T12:00:00+01:00');
    const r = report([], times.map((t, i) => session(`r${'abcdefg'[i]}aaa`, t)), YEAR_AGO, until);
    expect(r.json.routine.streakDays).toBe(streak);
    expect(r.json.routine.activeDays).toBe(activeDays);
  });

  it('weeks and streak ignore sessions after --until', () => {
    const until = new Date('2026-11-20T12:00:00+01:00');
    const r = report([], [session('raaaa', at('2026-11-20', '08:00')), session('rbbbb', at('2026-11-20', '13:00'))], YEAR_AGO, until);
    expect(r.json.routine.sessions).toBe(1);
    expect(r.json.routine.streakDays).toBe(1);
    expect(r.json.routine.weeks.at(-1)).toEqual({ start: '2026-11-14T00:00:00+01:00', sessions: 1 });
  });

  it('weeks cross the change to winter time at local midnight', () => {
    const until = new Date('2026-10-27T12:00:00+01:00');
    const r = report([], [], YEAR_AGO, until);
    expect(r.json.routine.weeks.map((w) => w.start)).toEqual(['2026-09-30T00:00:00+02:00', '2026-10-07T00:00:00+02:00', '2026-10-14T00:00:00+02:00', '2026-10-21T00:00:00+02:00']);
  });
});

describe('helpers', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 2, 3], 2.5],
  ])('median(%j) = %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('rankNames of nothing is empty', () => {
    expect(rankNames([])).toEqual([]);
  });

  it('painBuckets: the highest score per slice, null where nothing was recorded', () => {
    const since = new Date(0);
    const until = new Date(10 * DAY);
    const p = (day: number, score: number) => ({ at: day * DAY, score, episodeId: 'eaaaa' });
    expect(painBuckets([p(0, 3), p(0.5, 6), p(4.2, 0), p(10, 9), p(11, 10)], since, until, 5)).toEqual([6, null, 0, null, 9]);
  });

  it('painBuckets of an empty period does not divide by zero', () => {
    const at = new Date(DAY);
    expect(painBuckets([{ at: DAY, score: 4, episodeId: 'eaaaa' }], at, at, 3)).toEqual([4, null, null]);
  });

  it('pain points: check-ins in the period; the worst pain at onset for an episode without any', () => {
    const withChecks = ep('eaaaa', 100, 1, { pain: [{ at: formatIso(new Date(NOW.getTime() - 99 * DAY)), score: 4 }] });
    const withoutChecks = ep('ebbbb', 50, 1, { pain: [], peakPain: 6 });
    const r = report([withoutChecks, withChecks]);
    expect(r.pain).toEqual([
      { at: NOW.getTime() - 99 * DAY, score: 4, episodeId: 'eaaaa' },
      { at: NOW.getTime() - 50 * DAY, score: 6, episodeId: 'ebbbb' },
    ]);
  });
});
