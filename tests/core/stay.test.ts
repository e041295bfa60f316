import { describe, expect, it } from 'vitest';
import type { Episode, TherapySession } from '../../src/core/records.js';
import { planStay } from '../../src/core/stay.js';
import { loadProtocol } from '../../src/data/index.js';
import { episode } from '../helpers/records.js';

const th = loadProtocol().thresholds;
const iso = (s: string) => `2026-11-27T${s}:00+01:00`;
const session = (kind: 'cold' | 'heat', start: string, end: string): TherapySession => ({ kind, start: iso(start), end: iso(end) });
const now = new Date(iso('10:20'));

describe('planStay', () => {
  it.each<[string, Episode | null, TherapySession | null, object]>([
    [
      'before 72 h: cold, 1 to 2 hours after the session',
      episode({ id: 'e1', onset: iso('06:00'), therapy: [session('cold', '10:00', '10:20')] }),
      session('cold', '10:00', '10:20'),
      { action: 'wait', kind: 'cold', earliest: new Date(iso('11:20')), latest: new Date(iso('12:20')) },
    ],
    [
      'the window passes 72 h after onset: heat',
      episode({ id: 'e1', onset: '2026-11-24T11:00:00+01:00', therapy: [session('cold', '10:00', '10:20')] }),
      session('cold', '10:00', '10:20'),
      { action: 'wait', kind: 'heat', earliest: new Date(iso('11:20')) },
    ],
    [
      'the person chose cold: cold after 72 h too',
      episode({ id: 'e1', onset: '2026-11-20T11:00:00+01:00', therapy: [session('cold', '10:00', '10:20')], walkthrough: { startedAt: iso('09:00'), next: null, therapy: 'cold', choice: 'cold' } }),
      session('cold', '10:00', '10:20'),
      { action: 'wait', kind: 'cold' },
    ],
    [
      'an emergency answer stands: stop',
      episode({ id: 'e1', onset: iso('06:00'), redFlags: { at: iso('09:00'), positive: ['urination'], tier: 'emergency' } }),
      session('cold', '10:00', '10:20'),
      { action: 'stop-emergency' },
    ],
    [
      'a same-day answer: wait as usual',
      episode({ id: 'e1', onset: iso('06:00'), therapy: [session('heat', '10:00', '10:20')], redFlags: { at: iso('09:00'), positive: ['fever'], tier: 'same-day' } }),
      session('heat', '10:00', '10:20'),
      { action: 'wait', kind: 'heat' },
    ],
    ['no episode: the same kind, from the session', null, session('heat', '10:00', '10:20'), { action: 'wait', kind: 'heat', earliest: new Date(iso('11:20')), latest: new Date(iso('12:20')) }],
    ['an episode with no session yet: due now', episode({ id: 'e1', onset: iso('06:00') }), null, { action: 'wait', kind: 'cold', earliest: now, latest: now }],
  ])('%s', (_name, e, last, expected) => {
    expect(planStay(e, last, now, th)).toMatchObject(expected);
  });
});
