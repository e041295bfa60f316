// The breathing paces the program offers, from the protocol's data: slow
// breathing with a longer breath out (the default), box breathing, and a
// shorter pace for when slow breathing feels hard (clinical.md section 6).
import type { Breathing } from '../data/types.js';
import type { PacePhase } from './timer.js';

export const PACE_IDS = ['slow', 'box', 'shorter'] as const;
export type PaceId = (typeof PACE_IDS)[number];

/** Each pace's one name, wherever it is shown (the countdown, the Done line). */
export const PACE_NAMES: Record<PaceId, string> = { slow: 'Slow breathing', box: 'Box breathing', shorter: 'Breathing at a shorter pace' };

export interface Pace {
  readonly id: PaceId;
  readonly phases: readonly PacePhase[];
}

/** The paces the data offers, the default first; box and shorter only when the data has them. */
export function pacesOf(breathing: Breathing): Pace[] {
  const paces: Pace[] = [{ id: 'slow', phases: inOut(breathing.inhaleSeconds, breathing.exhaleSeconds) }];
  const { box, shorter } = breathing;
  if (box) {
    const phases: PacePhase[] = [
      { kind: 'in', seconds: box.inSeconds },
      { kind: 'hold', seconds: box.holdSeconds },
      { kind: 'out', seconds: box.outSeconds },
      { kind: 'hold', seconds: box.holdOutSeconds },
    ];
    paces.push({ id: 'box', phases: phases.filter((p) => p.seconds > 0) });
  }
  if (shorter) paces.push({ id: 'shorter', phases: inOut(shorter.inhaleSeconds, shorter.exhaleSeconds) });
  return paces;
}

function inOut(inhale: number, exhale: number): PacePhase[] {
  return [
    { kind: 'in', seconds: inhale },
    { kind: 'out', seconds: exhale },
  ];
}

/** "in for 4 s, out for 6 s"; "in for 4 s, hold for 4 s, out for 4 s, hold for 4 s". */
export function describePace(pace: Pace): string {
  return pace.phases.map((p) => `${p.kind} for ${p.seconds} s`).join(', ');
}
