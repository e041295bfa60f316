import { describe, expect, it } from 'vitest';
import { newEpisode, type Episode } from '../../src/core/records.js';
import {
  nextStepAfter,
  parseRedFlags,
  planSteps,
  redFlagResult,
  resumeIndex,
  screenDue,
  therapyDue,
  therapyKindFor,
  tierOf,
  walkSummary,
} from '../../src/core/walkthrough.js';
import { loadProtocol, loadRedFlags } from '../../src/data/index.js';

const protocol = loadProtocol();
const th = protocol.thresholds;
const screen = loadRedFlags();
const ONSET = '2026-11-20T08:00:00+01:00';
const hoursAfter = (h: number) => new Date(Date.parse(ONSET) + h * 3_600_000);

function episode(extra: Partial<Episode> = {}): Episode {
  return { ...newEpisode('eabcd', ONSET, 'start'), ...extra };
}

describe('steps by phase', () => {
  it.each([
    [10, undefined, ['rest-position', 'breathing', 'cold', 'stretches', 'straighten-up', 'walking']],
    [71.9, undefined, ['rest-position', 'breathing', 'cold', 'stretches', 'straighten-up', 'walking']],
    [72, undefined, ['rest-position', 'breathing', 'heat', 'stretches', 'straighten-up', 'walking']],
    [80, undefined, ['rest-position', 'breathing', 'heat', 'stretches', 'straighten-up', 'walking']],
    [10, 'heat', ['rest-position', 'breathing', 'heat', 'stretches', 'straighten-up', 'walking']],
    [80, 'cold', ['rest-position', 'breathing', 'cold', 'stretches', 'straighten-up', 'walking']],
  ] as const)('%s h after onset, choice %s', (hours, choice, ids) => {
    const kind = therapyKindFor(choice, episode(), hoursAfter(hours), th);
    expect(planSteps(protocol.steps, kind).map((s) => s.id)).toEqual(ids);
  });

  it('alternate: the phase first, then the opposite of the last session', () => {
    expect(therapyKindFor('alternate', episode(), hoursAfter(10), th)).toBe('cold');
    expect(therapyKindFor('alternate', episode(), hoursAfter(80), th)).toBe('heat');
    const afterCold = episode({ therapy: [{ kind: 'cold', start: '2026-11-20T10:00:00+01:00', end: '2026-11-20T10:20:00+01:00' }] });
    expect(therapyKindFor('alternate', afterCold, hoursAfter(10), th)).toBe('heat');
    const afterHeat = episode({ therapy: [{ kind: 'heat', start: '2026-11-23T10:00:00+01:00', end: '2026-11-23T10:20:00+01:00' }] });
    expect(therapyKindFor('alternate', afterHeat, hoursAfter(80), th)).toBe('cold');
  });
});

describe('resume point', () => {
  const cold = planSteps(protocol.steps, 'cold');
  const heat = planSteps(protocol.steps, 'heat');
  it.each([
    [cold, null, -1],
    [cold, undefined, -1],
    [cold, 'rest-position', 0],
    [cold, 'cold', 2],
    [heat, 'cold', 2], // the cold/heat slot, whichever kind it is now
    [cold, 'stretches', 3],
    [cold, 'walking', 5],
    [cold, 'no-such-step', -1],
  ] as const)('plan %#: next %s → index %s', (plan, next, index) => {
    expect(resumeIndex(plan, next)).toBe(index);
  });

  it.each([
    [0, 'done', 'breathing'],
    [0, 'skipped', 'breathing'],
    [2, 'stopped', 'cold'],
    [3, 'done', 'straighten-up'],
    [5, 'done', null],
    [5, 'stopped', 'walking'],
  ] as const)('after step %s %s, next is %s', (index, status, next) => {
    expect(nextStepAfter(cold, index, status)).toBe(next);
  });
});

describe('screen due', () => {
  const screened = (h: number) => episode({ redFlags: { at: hoursAfter(h).toISOString(), positive: [], tier: 'none' } });
  it.each([
    ['a new episode', null, 1, true],
    ['never screened', episode(), 1, true],
    ['screened 1 h ago', screened(0), 1, false],
    ['screened 23 h ago', screened(0), 23, false],
    ['screened 24 h ago', screened(0), 24, false],
    ['screened 25 h ago', screened(0), 25, true],
  ] as const)('%s → %s', (_name, e, hours, due) => {
    expect(screenDue(e, hoursAfter(hours), th)).toBe(due);
  });
});

describe('red-flag tiers', () => {
  it.each([
    [[], 'none'],
    [['fever'], 'same-day'],
    [['age-first-episode', 'night-pain'], 'same-day'],
    [['urination'], 'emergency'],
    [['fever', 'chest-pain'], 'emergency'],
  ] as const)('%j → %s', (ids, tier) => {
    expect(tierOf(ids, screen)).toBe(tier);
  });

  it('stores positives in the order of the screen', () => {
    expect(redFlagResult(['fever', 'urination'], 'T', screen)).toEqual({ at: 'T', positive: ['urination', 'fever'], tier: 'emergency' });
  });
});

describe('--red-flags', () => {
  it.each([
    ['none', []],
    ['NONE', []],
    ['fever', ['fever']],
    ['fever, urination', ['fever', 'urination']],
    ['fever,fever', ['fever']],
  ] as const)('%s → %j', (value, ids) => {
    expect(parseRedFlags(value, screen)).toEqual(ids);
  });

  it.each([
    ['fevr', /unknown red-flag id "fevr"/],
    ['fever,headache', /unknown red-flag id "headache"/],
    ['none,fever', /cannot combine none/],
    ['', /must be none or/],
    [',', /must be none or/],
  ])('%j is refused', (value, message) => {
    expect(() => parseRedFlags(value, screen)).toThrow(message);
    try {
      parseRedFlags(value, screen);
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
      expect((error as { hint: string }).hint).toContain('urination');
    }
  });
});

describe('therapy due and the summary', () => {
  const session = { kind: 'cold' as const, start: '2026-11-20T18:00:00+01:00', end: '2026-11-20T18:20:00+01:00' };
  it.each([
    [[], 10, true],
    [[session], 10.5, false], // 10 min after it ended
    [[session], 11.4, true], // 1 h 4 min after
  ] as const)('sessions %j at %s h → due %s', (therapy, hours, due) => {
    expect(therapyDue(episode({ therapy: [...therapy] }), hoursAfter(hours), th)).toBe(due);
  });

  it('gives the change in pain, the next window 1 to 2 h after the last session, and the advice', () => {
    const e = episode({ therapy: [session] });
    const s = walkSummary([e], e, 7, 4, hoursAfter(10.5), protocol);
    expect(s.change).toBe(-3);
    expect(s.next).toEqual({ kind: 'cold', earliest: new Date('2026-11-20T19:20:00+01:00'), latest: new Date('2026-11-20T20:20:00+01:00') });
    expect(s.advice).toEqual([]);
  });

  it('the next kind follows the choice (alternate after cold: heat) and advice from day 7', () => {
    const e = episode({ therapy: [session], pain: [{ at: ONSET, score: 5 }], walkthrough: { startedAt: ONSET, next: null, therapy: 'cold', choice: 'alternate' } });
    const s = walkSummary([e], e, 5, null, hoursAfter(24 * 7 + 1), protocol);
    expect(s.next.kind).toBe('heat');
    expect(s.change).toBeNull();
    expect(s.advice.map((a) => a.code)).toEqual(['see-pt-persisting']);
  });
});

describe('internal fields stay out of the episode JSON', () => {
  it('episodeJson drops walkthrough and redFlagHistory', async () => {
    const { episodeJson } = await import('../../src/core/records.js');
    const e = episode({ walkthrough: { startedAt: ONSET, next: 'cold', therapy: 'cold' }, redFlagHistory: [{ at: ONSET, positive: [], tier: 'none' }] });
    expect(Object.keys(episodeJson(e))).not.toContain('walkthrough');
    expect(Object.keys(episodeJson(e))).not.toContain('redFlagHistory');
  });
});
