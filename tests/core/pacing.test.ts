import { describe, expect, it } from 'vitest';
import { GET_READY_SECONDS, getReadySeconds, postureOf, type Posture } from '../../src/core/pacing.js';
import { loadExercises } from '../../src/data/index.js';

describe('postureOf', () => {
  it.each<[string, Posture]>([
    ['Lie on your back with your knees bent and your feet flat.', 'back'],
    ['Kneel on all fours, hands under your shoulders and knees under your hips.', 'all-fours'],
    ['Lie on your front with your elbows under your shoulders, resting on your forearms.', 'front'],
    ['Lie on your side with a pillow between your knees.', 'side'],
    ['Sit on a firm chair, feet flat on the floor.', 'sitting'],
    ['Stand tall, feet hip-width apart.', 'standing'],
    ['Kneel upright on a cushion.', 'kneeling'],
    ['Somewhere comfortable.', 'unknown'],
  ])('%s → %s', (position, posture) => expect(postureOf(position)).toBe(posture));

  it('knows the posture of every exercise in the library', () => {
    for (const e of loadExercises().exercises) expect(postureOf(e.position), e.id).not.toBe('unknown');
  });
});

describe('getReadySeconds', () => {
  it.each<[Posture | null, Posture, number]>([
    [null, 'back', 25], // the start: still getting down to the floor
    ['back', 'back', 10],
    ['all-fours', 'all-fours', 10],
    ['back', 'front', 15], // turning over while lying
    ['front', 'side', 15],
    ['back', 'all-fours', 25], // lying → all fours
    ['all-fours', 'back', 25],
    ['back', 'standing', 25],
    ['sitting', 'back', 25],
    ['unknown', 'unknown', 25],
    ['back', 'unknown', 25],
  ])('%s → %s: %d s', (from, to, seconds) => expect(getReadySeconds(from, to)).toBe(seconds));

  it('is never under 10 s, and a change of position is never quicker than staying', () => {
    const all: Posture[] = ['back', 'front', 'side', 'all-fours', 'kneeling', 'sitting', 'standing', 'unknown'];
    for (const from of [null, ...all]) {
      for (const to of all) {
        expect(getReadySeconds(from, to)).toBeGreaterThanOrEqual(10);
        if (from !== to) expect(getReadySeconds(from, to)).toBeGreaterThan(GET_READY_SECONDS.same);
      }
    }
  });
});
