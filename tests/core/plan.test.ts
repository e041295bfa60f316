import { describe, expect, it } from 'vitest';
import { afterScreen, goodToKnowFor, planRoutine, planWalk, standingScreen, stepsFor, type StartGiven } from '../../src/core/plan.js';
import type { Episode, RedFlagResult } from '../../src/core/records.js';
import { loadProtocol } from '../../src/data/index.js';
import { episode } from '../helpers/records.js';

const protocol = loadProtocol();
const th = protocol.thresholds;
const NOW = new Date('2026-11-27T12:00:00+01:00');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const screen = (tier: RedFlagResult['tier'], hoursAgo: number): RedFlagResult => ({ at: ago(hoursAgo), positive: tier === 'none' ? [] : [tier === 'emergency' ? 'urination' : 'fever'], tier });
const all: StartGiven = { pain: true, redFlags: true, onset: true, forceNew: false, handsFree: true };
const none: StartGiven = { pain: false, redFlags: false, onset: false, forceNew: false, handsFree: false };

function ongoing(fields: Partial<Episode> = {}): Episode {
  return episode({ id: 'e7k2q', onset: ago(10), source: 'start', pain: [{ at: ago(10), score: 6 }], ...fields });
}

describe('planWalk', () => {
  it.each([
    ['no episode', [], none, { ongoing: null, screenDue: true, standing: null, missing: ['--pain', '--red-flags', '--hands-free'] }],
    ['no episode, every flag', [], all, { ongoing: null, screenDue: true, standing: null, missing: [] }],
    ['screened 1 h ago, clear', [ongoing({ redFlags: screen('none', 1) })], none, { ongoing: 'e7k2q', screenDue: false, standing: null, missing: ['--pain', '--hands-free'] }],
    ['screened 25 h ago, clear', [ongoing({ redFlags: screen('none', 25), onset: ago(30) })], none, { ongoing: 'e7k2q', screenDue: true, standing: null, missing: ['--pain', '--red-flags', '--hands-free'] }],
    ['emergency 1 h ago: asked again', [ongoing({ redFlags: screen('emergency', 1) })], none, { ongoing: 'e7k2q', screenDue: true, standing: 'emergency', missing: ['--pain', '--red-flags', '--hands-free'] }],
    ['emergency 1 h ago, flags given', [ongoing({ redFlags: screen('emergency', 1) })], all, { ongoing: 'e7k2q', screenDue: true, standing: 'emergency', missing: [] }],
    ['same-day 1 h ago: shown, not asked', [ongoing({ redFlags: screen('same-day', 1) })], none, { ongoing: 'e7k2q', screenDue: false, standing: 'same-day', missing: ['--pain', '--hands-free'] }],
    ['--new over an emergency', [ongoing({ redFlags: screen('emergency', 1) })], { ...all, forceNew: true }, { ongoing: null, screenDue: true, standing: null, missing: [] }],
  ] as const)('%s', (_label, episodes, given, want) => {
    const plan = planWalk(episodes as readonly Episode[], NOW, given, th);
    expect({ ongoing: plan.ongoing?.id ?? null, screenDue: plan.screenDue, standing: plan.standing?.tier ?? null, missing: plan.missing }).toEqual(want);
  });
});

describe('stepsFor', () => {
  const ids = (steps: readonly { id: string }[]) => steps.map((s) => s.id);
  it.each([
    ['new, 10 h after onset', null, ago(10), undefined, 'cold', -1],
    ['new, 80 h after onset', null, ago(80), undefined, 'heat', -1],
    ['new, --therapy heat at 10 h', null, ago(10), 'heat', 'heat', -1],
    ['stopped at breathing', ongoing({ walkthrough: { startedAt: ago(1), next: 'breathing', therapy: 'cold' } }), ago(10), undefined, 'cold', 1],
    ['stopped at walking', ongoing({ walkthrough: { startedAt: ago(1), next: 'walking', therapy: 'cold' } }), ago(10), undefined, 'cold', 5],
    ['stopped at heat, kept over the phase', ongoing({ walkthrough: { startedAt: ago(1), next: 'heat', therapy: 'heat', choice: 'heat' } }), ago(10), undefined, 'heat', 2],
    ['finished', ongoing({ walkthrough: { startedAt: ago(1), next: null, therapy: 'cold' } }), ago(10), undefined, 'cold', -1],
  ] as const)('%s', (_label, current, onset, flag, kind, resumeAt) => {
    const plan = stepsFor(current as Episode | null, onset, flag, NOW, protocol);
    expect(plan.kind).toBe(kind);
    expect(plan.resumeAt).toBe(resumeAt);
    // The order of SPEC.md section 1, whatever the kind.
    expect(ids(plan.steps)).toEqual(['rest-position', 'breathing', kind, 'stretches', 'straighten-up', 'walking']);
  });
});

describe('the screen that stands, and what follows a screen', () => {
  it.each([
    [null, null],
    [screen('none', 1), null],
    [screen('same-day', 1), 'same-day'],
    [screen('emergency', 30), 'emergency'],
  ] as const)('standing %j → %s', (result, tier) => {
    expect(standingScreen({ redFlags: result as RedFlagResult | null })?.tier ?? null).toBe(tier);
  });

  it.each([
    ['emergency', true, 'stop'],
    ['emergency', false, 'stop'],
    ['same-day', true, 'ask-comfort'],
    ['same-day', false, 'go'],
    ['none', true, 'go'],
  ] as const)('%s, asks %s → %s', (tier, asks, next) => {
    expect(afterScreen({ tier }, asks)).toBe(next);
  });
});

describe('goodToKnowFor', () => {
  const facts = ['a', 'b', 'c', 'd', 'e'];
  it.each([
    [0, ['a', 'b']],
    [1, ['c', 'd']],
    [2, ['e', 'a']],
    [7, ['e', 'a']],
  ])('seed %s → %j', (seed, want) => {
    expect(goodToKnowFor(facts, seed)).toEqual(want);
  });
  it('never more than asked, nothing from nothing', () => {
    expect(goodToKnowFor(['a'], 3)).toEqual(['a']);
    expect(goodToKnowFor([], 3)).toEqual([]);
  });
});

describe('planRoutine', () => {
  it('starts each exercise at its start dose, and counts the time its holds take', async () => {
    const { loadHomeProgram } = await import('../../src/data/index.js');
    const program = loadHomeProgram();
    const plan = planRoutine(program, [], NOW);
    expect(plan.doses.map((d) => d.dose.reps)).toEqual(program.exercises.map((e) => e.reps.start));
    expect(plan.doses.every((d) => d.raisedFrom === null)).toBe(true);
    // Pelvic tilt alone: 5 holds of 5 s, each followed by 3 s to relax.
    const one = planRoutine({ ...program, exercises: [program.exercises.find((e) => e.id === 'pelvic-tilt')!] }, [], NOW);
    expect(one.seconds).toBe(5 * (5 + 3));
  });
});
