// The ongoing rule of SPEC `start` and the next-window rule of SPEC `status`.
import { describe, expect, it } from 'vitest';
import { lapsedEpisode, latestActivity, ongoingEpisode } from '../../src/core/episodes.js';
import type { Checkin } from '../../src/core/records.js';
import { computeStatus, nextTherapy } from '../../src/core/status.js';
import { formatIso } from '../../src/core/time.js';
import { loadProtocol } from '../../src/data/index.js';
import { episode } from '../helpers/records.js';

const protocol = loadProtocol();
const th = protocol.thresholds;
const H = 3_600_000;
const onset = '2026-11-01T08:00:00+01:00';
const at = (hours: number) => new Date(Date.parse(onset) + hours * H);
const iso = (hours: number) => formatIso(at(hours));
const checkin = (hours: number): Checkin => ({ at: iso(hours), pain: 3, function: [], medicines: [], sleptBadly: null, missedWork: null, notes: '' });

describe('the ongoing rule: latest activity within 14 days, not onset alone', () => {
  const now = at(20 * 24);
  it.each([
    ['onset alone, 20 days ago', {}, null],
    ['onset 20 days ago, pain rated now', { pain: [{ at: iso(20 * 24), score: 6 }] }, 'eaaaa'],
    ['a check-in 13 days ago', { checkins: [checkin(7 * 24)] }, 'eaaaa'],
    ['a check-in exactly 14 days ago', { checkins: [checkin(6 * 24)] }, 'eaaaa'],
    ['a check-in 15 days ago', { checkins: [checkin(5 * 24)] }, null],
    ['a step 2 days ago', { steps: [{ id: 'breathing', status: 'done' as const, at: iso(18 * 24) }] }, 'eaaaa'],
    ['a heat session ending 1 day ago', { therapy: [{ kind: 'heat' as const, start: iso(19 * 24 - 1), end: iso(19 * 24) }] }, 'eaaaa'],
    ['recent activity but ended', { endedAt: iso(19 * 24), pain: [{ at: iso(19 * 24), score: 0 }] }, null],
  ])('%s → %s', (_name, fields, expected) => {
    const e = episode({ id: 'eaaaa', onset, ...fields });
    expect(ongoingEpisode([e], now, th)?.id ?? null).toBe(expected);
    // Not ongoing and not ended: lapsed, and status says so.
    expect(lapsedEpisode([e], now, th)?.id ?? null).toBe(expected === null && e.endedAt === null ? 'eaaaa' : null);
  });

  it('an onset in the future is not ongoing yet', () => {
    expect(ongoingEpisode([episode({ id: 'eaaaa', onset: iso(30 * 24) })], now, th)).toBeNull();
  });

  it('latest activity is the latest of onset, pain, check-ins, steps and session ends', () => {
    const e = episode({ id: 'eaaaa', onset, pain: [{ at: iso(2), score: 5 }], checkins: [checkin(30)], steps: [{ id: 'breathing', status: 'done', at: iso(4) }], therapy: [{ kind: 'cold', start: iso(40), end: iso(40.5) }] });
    expect(latestActivity(e)).toBe(at(40.5).getTime());
    expect(latestActivity(episode({ id: 'eaaaa', onset }))).toBe(at(0).getTime());
  });

  it('only the latest episode can be lapsed: an old unended one behind a newer one is not', () => {
    const old = episode({ id: 'eaaaa', onset });
    const newer = episode({ id: 'ebbbb', onset: iso(10 * 24), endedAt: iso(11 * 24) });
    expect(lapsedEpisode([old, newer], now, th)).toBeNull();
  });
});

describe('the next window, computed for now', () => {
  const cold = (startH: number, endH: number) => ({ kind: 'cold' as const, start: iso(startH), end: iso(endH) });
  const win = (therapy: ReturnType<typeof cold>[], nowH: number) => {
    const n = nextTherapy(episode({ id: 'eaaaa', onset, therapy }), at(nowH), th);
    return { kind: n.kind, earliest: (n.earliest.getTime() - at(0).getTime()) / H, latest: (n.latest.getTime() - at(0).getTime()) / H };
  };
  it.each([
    ['no session yet, 10 h: due now, cold', [], 10, { kind: 'cold', earliest: 10, latest: 10 }],
    ['no session yet, 80 h: due now, heat', [], 80, { kind: 'heat', earliest: 80, latest: 80 }],
    ['cold ended at 40 h, now 40.5 h: 41 to 42 h, cold', [cold(39.67, 40)], 40.5, { kind: 'cold', earliest: 41, latest: 42 }],
    ['cold ended at 40 h, now 41.5 h: due now until 42 h', [cold(39.67, 40)], 41.5, { kind: 'cold', earliest: 41.5, latest: 42 }],
    ['cold ended at 70.5 h, now 71 h: due at 71.5 h, still cold', [cold(70, 70.5)], 71, { kind: 'cold', earliest: 71.5, latest: 72.5 }],
    ['cold ended at 71.5 h, now 71.6 h: due at 72.5 h, across the 72 h line: heat', [cold(71, 71.5)], 71.6, { kind: 'heat', earliest: 72.5, latest: 73.5 }],
    ['cold at 40 h, now 70 h (a gap): due now, cold for an hour', [cold(39.67, 40)], 70, { kind: 'cold', earliest: 70, latest: 71 }],
    ['cold at 40 h, now 96 h (a long gap): due now, heat, not a window three days old', [cold(39.67, 40)], 96, { kind: 'heat', earliest: 96, latest: 97 }],
  ])('%s', (_name, therapy, nowH, expected) => expect(win(therapy, nowH)).toEqual(expected));

  it('earliest is never before the last session ended plus one hour', () => {
    for (const nowH of [40, 40.2, 40.9, 41, 45, 100]) expect(win([cold(39.67, 40)], nowH).earliest).toBeGreaterThanOrEqual(41);
  });

  it('status shows the same window, and no session of a window long passed', () => {
    const e = episode({ id: 'eaaaa', onset, pain: [{ at: iso(70), score: 4 }], therapy: [cold(0.5, 1)] });
    expect(computeStatus([e], at(70), protocol).nextTherapy).toEqual({ kind: 'cold', earliest: iso(70), latest: iso(71) });
  });
});
