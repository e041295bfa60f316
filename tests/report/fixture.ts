// One fixed history for the report's golden files, e2e and print tests:
// five episodes in the default period (one ongoing, one with a positive
// red-flag screen, user text that tries to break every format) and one
// earlier episode, plus four weeks of home-exercise sessions.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Episode, type RoutineSession, type StoreDoc } from '../../src/core/records.js';

/** The clock of every fixture run (winter: +01:00). */
export const FIXTURE_NOW = '2026-11-27T10:00:00+01:00';

const base = { source: 'log' as const, redFlags: null, steps: [], therapy: [], activities: [], checkins: [] };

export const fixtureEpisodes: Episode[] = [
  {
    ...base,
    id: 'e7past',
    onset: '2025-10-01T08:00:00+02:00',
    endedAt: '2025-10-04T08:00:00+02:00',
    pain: [{ at: '2025-10-01T08:00:00+02:00', score: 6 }],
    peakPain: 6,
    triggers: ['lifting'],
    helped: ['heat'],
    legs: 'none',
    notes: 'Before the period: decides that the first episode in it is a recurrence.',
  },
  {
    ...base,
    id: 'e2abc',
    onset: '2026-01-12T07:30:00+01:00',
    endedAt: '2026-01-15T19:30:00+01:00',
    pain: [{ at: '2026-01-12T07:30:00+01:00', score: 8 }],
    peakPain: 8,
    triggers: ['lifting', 'bending'],
    helped: ['heat', 'walking'],
    legs: 'buttock',
    notes: 'Moving boxes in the cellar.',
  },
  {
    ...base,
    id: 'e3def',
    onset: '2026-02-02T18:00:00+01:00',
    endedAt: '2026-02-04T06:00:00+01:00',
    pain: [{ at: '2026-02-02T18:00:00+01:00', score: 5 }],
    peakPain: 5,
    triggers: ['bending'],
    helped: ['walking'],
    legs: 'none',
    notes: '',
  },
  {
    ...base,
    id: 'e4ghj',
    source: 'start',
    onset: '2026-05-20T06:45:00+02:00',
    endedAt: '2026-05-23T20:00:00+02:00',
    pain: [
      { at: '2026-05-20T06:55:00+02:00', score: 6 },
      { at: '2026-05-20T09:45:00+02:00', score: 4 },
      { at: '2026-05-21T08:00:00+02:00', score: 3 },
    ],
    peakPain: 6,
    triggers: ['sneezing'],
    helped: ['cold', 'breathing', 'rest-position'],
    legs: 'none',
    notes: '=HYPERLINK("x") typed by mistake',
    redFlags: { at: '2026-05-20T06:50:00+02:00', positive: [], tier: 'none' },
    // An emergency answer, then a second screen of "none": the report keeps the first.
    redFlagHistory: [
      { at: '2026-05-20T06:47:00+02:00', positive: ['leg-weakness'], tier: 'emergency' },
      { at: '2026-05-20T06:50:00+02:00', positive: [], tier: 'none' },
    ],
    steps: [{ id: 'rest-position', status: 'done', at: '2026-05-20T07:00:00+02:00' }],
    therapy: [{ kind: 'cold', start: '2026-05-20T07:10:00+02:00', end: '2026-05-20T07:30:00+02:00' }],
  },
  {
    ...base,
    id: 'e5kmn',
    onset: '2026-09-03T08:15:00+02:00',
    endedAt: '2026-09-10T12:00:00+02:00',
    pain: [{ at: '2026-09-03T08:15:00+02:00', score: 7 }],
    peakPain: 7,
    triggers: ['bending', '@work: long meeting'],
    helped: ['heat'],
    legs: 'thigh',
    notes: 'Felt hot and shivery.\nSaw the GP | all clear.\n<script>alert("x")</script> \u001b[31mred\u001b[0m',
    redFlags: { at: '2026-09-03T08:20:00+02:00', positive: ['fever'], tier: 'same-day' },
  },
  {
    ...base,
    id: 'e6npq',
    source: 'start',
    onset: '2026-11-25T08:00:00+01:00',
    endedAt: null,
    pain: [
      { at: '2026-11-25T08:05:00+01:00', score: 7 },
      { at: '2026-11-25T20:00:00+01:00', score: 6 },
      { at: '2026-11-26T20:00:00+01:00', score: 5 },
      { at: '2026-11-27T08:30:00+01:00', score: 4 },
    ],
    peakPain: 7,
    activities: ['walking', 'sitting at work', 'putting on socks'],
    checkins: [
      {
        at: '2026-11-25T20:00:00+01:00',
        pain: 6,
        function: [
          { activity: 'walking', score: 2 },
          { activity: 'sitting at work', score: 3 },
          { activity: 'putting on socks', score: 1 },
        ],
        medicines: ['ibuprofen 400 mg'],
        sleptBadly: null,
        missedWork: true,
        notes: '',
      },
      {
        at: '2026-11-26T20:00:00+01:00',
        pain: 5,
        function: [
          { activity: 'walking', score: 4 },
          { activity: 'sitting at work', score: 4 },
          { activity: 'putting on socks', score: 2 },
        ],
        medicines: ['ibuprofen 400 mg', '=heat rub'],
        sleptBadly: true,
        missedWork: true,
        notes: '',
      },
      {
        at: '2026-11-27T08:30:00+01:00',
        pain: 4,
        function: [
          { activity: 'walking', score: 6 },
          { activity: 'sitting at work', score: 5 },
          { activity: 'putting on socks', score: 4 },
        ],
        medicines: ['ibuprofen 400 mg'],
        sleptBadly: true,
        missedWork: false,
        notes: 'Better today.',
      },
    ],
    triggers: ['bending'],
    helped: ['heat', 'walking'],
    legs: null,
    notes: '+ worse after the long drive',
    redFlags: { at: '2026-11-25T08:02:00+01:00', positive: [], tier: 'none' },
    therapy: [{ kind: 'cold', start: '2026-11-25T08:30:00+01:00', end: '2026-11-25T08:50:00+01:00' }],
  },
];

/** Sessions at 19:00 on these days of November 2026 (and two in the summer). */
const SESSION_DAYS = ['2026-07-14', '2026-07-15', '2026-11-01', '2026-11-03', '2026-11-05', '2026-11-08', '2026-11-12', '2026-11-13', '2026-11-19', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

export const fixtureRoutine: RoutineSession[] = SESSION_DAYS.map((day, i) => ({
  id: `rs${'abcdefghjkmnp'[i]}22`,
  at: `${day}T${day === '2026-11-27' ? '08:00' : '19:00'}:00${day.startsWith('2026-07') ? '+02:00' : '+01:00'}`,
  program: 'default',
  painBefore: 3,
  painAfter: i % 2 ? 2 : 1,
  exercises: [
    { id: 'pelvic-tilt', status: 'done' },
    { id: 'knee-rolls', status: i % 4 === 0 ? 'skipped' : 'done' },
    { id: 'cat-cow', status: i === 5 ? 'stopped' : 'done' },
  ],
}));

export function fixtureStore(): StoreDoc {
  return { schemaVersion: SCHEMA_VERSION, episodes: structuredClone(fixtureEpisodes), routineSessions: structuredClone(fixtureRoutine), settings: { name: 'Sam <O\'Neil>' }, retiredIds: [] };
}

/** Writes `doc` as the store of `dataDir` (as the program would: 0700 dir, 0600 file). */
export function writeStore(dataDir: string, doc: StoreDoc = fixtureStore()): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  writeFileSync(join(dataDir, 'spasm.json'), JSON.stringify(doc, null, 2), { mode: 0o600 });
}
