// Hands-free pacing between exercises (SPEC.md `routine`, clinical.md
// section 3): time to get into position before the first hold, at least
// 10 s, more when the position changes. The seconds are our design, tuned for
// a stiff back, not a clinical dose.

export type Posture = 'back' | 'front' | 'side' | 'all-fours' | 'kneeling' | 'sitting' | 'standing' | 'unknown';

/** The posture an exercise's start position names ("Lie on your back …", "Kneel on all fours …"). */
export function postureOf(position: string): Posture {
  const p = position.toLowerCase();
  if (/all fours|hands and knees/.test(p)) return 'all-fours';
  if (/on your front|face down|prone/.test(p)) return 'front';
  if (/on your side/.test(p)) return 'side';
  if (/on your back|lie (down )?flat|supine/.test(p)) return 'back';
  if (/\bkneel/.test(p)) return 'kneeling';
  if (/\bsit/.test(p)) return 'sitting';
  if (/\bstand/.test(p)) return 'standing';
  return 'unknown';
}

const LYING: ReadonlySet<Posture> = new Set(['back', 'front', 'side']);

/** Seconds to get ready when the position stays, changes while lying, or changes more (onto all fours, up, down). */
export const GET_READY_SECONDS = { same: 10, turn: 15, change: 25 } as const;

/**
 * Seconds to get into `to` before the first hold. `from` is the posture of
 * the exercise before, or null at the start (the person may still be getting
 * down to the floor, so it counts as a change). An unknown posture is
 * always a change: better too long than a hold that starts mid-move.
 */
export function getReadySeconds(from: Posture | null, to: Posture): number {
  if (from === null || from === 'unknown' || to === 'unknown') return GET_READY_SECONDS.change;
  if (from === to) return GET_READY_SECONDS.same;
  if (LYING.has(from) && LYING.has(to)) return GET_READY_SECONDS.turn;
  return GET_READY_SECONDS.change;
}
