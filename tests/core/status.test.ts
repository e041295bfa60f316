import { describe, expect, it } from 'vitest';
import { byOnset, ongoingEpisode, recurrenceIds } from '../../src/core/episodes.js';
import { computeStatus, phaseAt } from '../../src/core/status.js';
import { loadProtocol } from '../../src/data/index.js';
import { episode } from '../helpers/records.js';

const protocol = loadProtocol();
const th = protocol.thresholds;
const H = 3_600_000;
const onset = '2026-11-20T08:00:00+01:00';
const at = (hours: number) => new Date(Date.parse(onset) + hours * H);

describe('phaseAt (cold until 72 h, heat from then)', () => {
  it.each([
    [0, 'cold'],
    [10, 'cold'],
    [71.99, 'cold'],
    [72, 'heat'],
    [80, 'heat'],
  ])('%d h after onset → %s', (hours, phase) => expect(phaseAt(onset, at(hours), th)).toBe(phase));
});

describe('ongoingEpisode', () => {
  const now = new Date('2026-11-27T10:00:00+01:00');
  it.each([
    ['not ended, 2 days old', [episode({ id: 'eaaaa', onset: '2026-11-25T10:00:00+01:00' })], 'eaaaa'],
    ['exactly 14 days old', [episode({ id: 'eaaaa', onset: '2026-11-13T10:00:00+01:00' })], 'eaaaa'],
    ['15 days old', [episode({ id: 'eaaaa', onset: '2026-11-12T10:00:00+01:00' })], null],
    ['ended', [episode({ id: 'eaaaa', onset: '2026-11-25T10:00:00+01:00', endedAt: '2026-11-26T10:00:00+01:00' })], null],
    [
      'the latest of two',
      [episode({ id: 'eaaaa', onset: '2026-11-20T10:00:00+01:00' }), episode({ id: 'ebbbb', onset: '2026-11-25T10:00:00+01:00' })],
      'ebbbb',
    ],
    ['none', [], null],
  ])('%s', (_name, episodes, expected) => expect(ongoingEpisode(episodes, now, th)?.id ?? null).toBe(expected));
});

describe('recurrenceIds (30-day rule)', () => {
  const e = (id: string, onset: string, endedAt: string | null = null) => episode({ id, onset, endedAt });
  it.each([
    ['no episodes', [], []],
    ['one episode never counts', [e('eaaaa', '2026-01-01T08:00:00+01:00', '2026-01-03T08:00:00+01:00')], []],
    [
      'exactly 30 days after the previous ended',
      [e('eaaaa', '2026-01-01T08:00:00+01:00', '2026-01-03T08:00:00+01:00'), e('ebbbb', '2026-02-02T08:00:00+01:00')],
      ['ebbbb'],
    ],
    [
      '29 days after is a flare-up, not a recurrence',
      [e('eaaaa', '2026-01-01T08:00:00+01:00', '2026-01-03T08:00:00+01:00'), e('ebbbb', '2026-02-01T08:00:00+01:00')],
      [],
    ],
    [
      'previous never ended: counted from its onset',
      [e('eaaaa', '2026-01-01T08:00:00+01:00'), e('ebbbb', '2026-01-31T08:00:00+01:00')],
      ['ebbbb'],
    ],
    [
      'overlapping episodes',
      [e('eaaaa', '2026-01-01T08:00:00+01:00', '2026-03-01T08:00:00+01:00'), e('ebbbb', '2026-02-01T08:00:00+01:00')],
      [],
    ],
    [
      'order is by onset, not by storage',
      [e('ebbbb', '2026-06-01T08:00:00+02:00'), e('eaaaa', '2026-01-01T08:00:00+01:00', '2026-01-02T08:00:00+01:00')],
      ['ebbbb'],
    ],
  ])('%s', (_name, episodes, expected) => expect([...recurrenceIds(episodes, th)]).toEqual(expected));

  it('sorts ties by id so the order is stable', () => {
    const same = '2026-01-01T08:00:00+01:00';
    expect(byOnset([episode({ id: 'ebbbb', onset: same }), episode({ id: 'eaaaa', onset: same })]).map((x) => x.id)).toEqual(['eaaaa', 'ebbbb']);
  });
});

describe('computeStatus', () => {
  it('no episode: everything null, no advice', () => {
    expect(computeStatus([], at(0), protocol)).toEqual({ episode: null, phase: null, lastTherapy: null, nextTherapy: null, advice: [] });
  });

  it('10 h after onset, no session yet: cold, due now', () => {
    const e = episode({ id: 'e7k2q', onset, pain: [{ at: onset, score: 7 }] });
    const now = at(10);
    expect(computeStatus([e], now, protocol)).toEqual({
      episode: { id: 'e7k2q', onset, hoursSinceOnset: 10, latestPain: 7 },
      phase: 'cold',
      lastTherapy: null,
      nextTherapy: { kind: 'cold', earliest: '2026-11-20T18:00:00+01:00', latest: '2026-11-20T18:00:00+01:00' },
      advice: [],
    });
  });

  it('next window is 1 to 2 hours after the last session ended', () => {
    const therapy = [
      { kind: 'cold' as const, start: '2026-11-20T09:00:00+01:00', end: '2026-11-20T09:20:00+01:00' },
      { kind: 'cold' as const, start: '2026-11-20T11:00:00+01:00', end: '2026-11-20T11:20:00+01:00' },
    ];
    const s = computeStatus([episode({ id: 'e7k2q', onset, therapy })], at(4), protocol);
    expect(s.lastTherapy).toEqual(therapy[1]);
    expect(s.nextTherapy).toEqual({ kind: 'cold', earliest: '2026-11-20T12:20:00+01:00', latest: '2026-11-20T13:20:00+01:00' });
  });

  it('80 h after onset: heat; a window past the 72-hour mark says heat', () => {
    const e = episode({ id: 'e7k2q', onset, therapy: [{ kind: 'cold', start: at(70).toISOString(), end: at(71).toISOString() }] });
    expect(computeStatus([e], at(71.5), protocol).nextTherapy?.kind).toBe('heat');
    expect(computeStatus([e], at(80), protocol).phase).toBe('heat');
  });

  it.each([
    [6.9 * 24, []],
    [7 * 24, ['see-pt-persisting']],
    [13 * 24, ['see-pt-persisting']],
  ])('persisting pain at %d h → %j', (hours, codes) => {
    const e = episode({ id: 'e7k2q', onset, pain: [{ at: onset, score: 5 }] });
    expect(computeStatus([e], at(hours), protocol).advice.map((a) => a.code)).toEqual(codes);
  });

  it('suggests an evaluation at 7 days and recommends it plainly at 14, with the day count', () => {
    const e = episode({ id: 'e7k2q', onset });
    const texts = protocol.advice['see-pt-persisting'];
    expect(computeStatus([e], at(7 * 24), protocol).advice[0]!.text).toBe(texts.suggestText.replaceAll('{days}', '7'));
    expect(computeStatus([e], at(14 * 24), protocol).advice[0]!.text).toBe(texts.recommendText.replaceAll('{days}', '14'));
  });

  it('still sore at 20 days with a rating this week: ongoing, and the plain recommendation', () => {
    const e = episode({ id: 'e7k2q', onset, pain: [{ at: onset, score: 6 }, { at: at(18 * 24).toISOString(), score: 5 }] });
    const s = computeStatus([e], at(20 * 24), protocol);
    expect(s.episode?.id).toBe('e7k2q');
    expect(s.advice).toEqual([{ code: 'see-pt-persisting', text: protocol.advice['see-pt-persisting'].recommendText.replaceAll('{days}', '20') }]);
  });

  it('a lapsed episode (nothing recorded for 14 days) is not called sore: no persisting advice', () => {
    const e = episode({ id: 'e7k2q', onset, pain: [{ at: onset, score: 6 }] });
    const s = computeStatus([e], at(20 * 24), protocol);
    expect(s.episode).toBeNull();
    expect(s.advice).toEqual([]);
  });

  it('the next session is of the kind chosen in spasm start, whatever the phase', () => {
    const e = episode({ id: 'e7k2q', onset, walkthrough: { startedAt: onset, next: null, therapy: 'heat', choice: 'heat' } });
    expect(computeStatus([e], at(10), protocol).nextTherapy?.kind).toBe('heat');
    const alternating = episode({ id: 'e7k2q', onset, walkthrough: { startedAt: onset, next: null, therapy: 'cold', choice: 'alternate' }, therapy: [{ kind: 'cold', start: at(1).toISOString(), end: at(1.3).toISOString() }] });
    expect(computeStatus([alternating], at(2), protocol).nextTherapy?.kind).toBe('heat');
  });

  it('no persisting advice once the latest pain is 0', () => {
    const e = episode({ id: 'e7k2q', onset, pain: [{ at: onset, score: 5 }, { at: at(8 * 24).toISOString(), score: 0 }] });
    expect(computeStatus([e], at(9 * 24), protocol).advice).toEqual([]);
  });

  it.each([
    ['emergency', 'seek-emergency-care'],
    ['same-day', 'seek-same-day-care'],
  ] as const)('a %s red-flag answer gives %s', (tier, code) => {
    const e = episode({ id: 'e7k2q', onset, redFlags: { at: onset, positive: ['fever'], tier } });
    expect(computeStatus([e], at(1), protocol).advice).toEqual([{ code, text: protocol.advice[code].text }]);
  });

  it('a recurrence in the last 365 days → see-pt-recurring; older ones do not count', () => {
    const first = episode({ id: 'eaaaa', onset: '2025-01-01T08:00:00+01:00', endedAt: '2025-01-03T08:00:00+01:00' });
    const second = episode({ id: 'ebbbb', onset: '2025-06-01T08:00:00+02:00', endedAt: '2025-06-03T08:00:00+02:00' });
    expect(computeStatus([first, second], new Date('2026-01-01T08:00:00+01:00'), protocol).advice.map((a) => a.code)).toEqual(['see-pt-recurring']);
    expect(computeStatus([first, second], new Date('2026-07-01T08:00:00+02:00'), protocol).advice).toEqual([]);
  });
});
