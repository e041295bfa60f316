import { quoted } from './text.js';
// The decisions of `spasm start`, pure: which steps fit, where to resume,
// whether the red-flag screen is due, its tier, and the summary at the end.
import type { Protocol, RedFlagScreen, Step, StepId, Thresholds } from '../data/types.js';
import { UsageError } from '../errors.js';
import { msOf, type Episode, type RedFlagResult, type Tier, type TherapyChoice, type TherapyKind } from './records.js';
import { adviceFor, lastTherapy, nextTherapy, therapyKindFor, type Advice } from './status.js';

export { therapyKindFor };
import { ms } from './time.js';

export const THERAPY_CHOICES: readonly TherapyChoice[] = ['cold', 'heat', 'alternate'];

/**
 * The red-flag screen is asked once per episode, and again when the last
 * screen is older than `screenRepeatHours` (SPEC.md section 2). A new
 * episode (null) always needs it.
 */
export function screenDue(episode: Episode | null, now: Date, thresholds: Pick<Thresholds, 'screenRepeatHours'>): boolean {
  const last = episode?.redFlags;
  if (!last) return true;
  return now.getTime() - msOf(last.at) > thresholds.screenRepeatHours * ms.hour;
}

/** The tier of a screen's answers: any emergency flag wins, then any same-day flag. */
export function tierOf(positive: readonly string[], screen: Pick<RedFlagScreen, 'flags'>): Tier {
  const tiers = new Set(positive.map((id) => screen.flags.find((f) => f.id === id)?.tier));
  if (tiers.has('emergency')) return 'emergency';
  if (tiers.has('same-day')) return 'same-day';
  return 'none';
}

/** The stored result of a screen: positive ids in the screen's order, and their tier. */
export function redFlagResult(positive: readonly string[], at: string, screen: Pick<RedFlagScreen, 'flags'>): RedFlagResult {
  const ordered = screen.flags.map((f) => f.id).filter((id) => positive.includes(id));
  return { at, positive: ordered, tier: tierOf(ordered, screen) };
}

/**
 * `--red-flags`: `none`, or comma-separated ids of the screen. An unknown id,
 * or `none` together with ids, is a usage error naming the valid ids.
 */
export function parseRedFlags(value: string, screen: Pick<RedFlagScreen, 'flags'>, flag = '--red-flags'): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const valid = screen.flags.map((f) => f.id);
  const hint = `valid ids: ${valid.join(', ')}`;
  if (ids.length === 0) throw new UsageError(`${flag} must be none or a comma-separated list of red-flag ids`, hint);
  if (ids.includes('none')) {
    if (ids.length > 1) throw new UsageError(`${flag} cannot combine none with red-flag ids (got ${quoted(value)})`, hint);
    return [];
  }
  const unknown = ids.filter((id) => !valid.includes(id));
  if (unknown.length) {
    throw new UsageError(`${flag}: unknown red-flag id${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `${quoted(id)}`).join(', ')}`, hint);
  }
  return [...new Set(ids)];
}


/** The steps of a walk-through with `kind` for cold/heat: every step without a phase, and the one of that kind. */
export function planSteps(steps: readonly Step[], kind: TherapyKind): Step[] {
  return steps.filter((s) => s.phase === null || s.phase === kind);
}

/** Is `id` the cold/heat slot of a plan? */
export const isTherapyStep = (id: string): id is TherapyKind => id === 'cold' || id === 'heat';

/**
 * Where to resume in `plan`: the index of the step `next`. A cold or heat
 * step stands for the plan's therapy slot whichever kind it is now. -1 when
 * there is nothing to resume (null, or a step the plan no longer has).
 */
export function resumeIndex(plan: readonly Step[], next: string | null | undefined): number {
  if (!next) return -1;
  return plan.findIndex((s) => s.id === next || (isTherapyStep(s.id) && isTherapyStep(next)));
}

/** The step to resume at after `index` ends with `status`: the same step if stopped, the next one otherwise; null at the end. */
export function nextStepAfter(plan: readonly Step[], index: number, status: 'done' | 'skipped' | 'stopped'): StepId | null {
  if (status === 'stopped') return plan[index]!.id;
  return plan[index + 1]?.id ?? null;
}

/** An interrupted walk-through of the episode, to offer to resume; null if none. */
export function pendingStep(episode: Episode | null): string | null {
  return episode?.walkthrough?.next ?? null;
}

/** Is the next cold/heat session due at `now` (within or past its window, or none yet)? */
export function therapyDue(episode: Episode, now: Date, thresholds: Pick<Thresholds, 'therapyIntervalMinHours'>): boolean {
  const last = lastTherapy(episode);
  return !last || now.getTime() >= msOf(last.end) + thresholds.therapyIntervalMinHours * ms.hour;
}

/** What the end of a walk-through tells. */
export interface WalkSummary {
  /** Pain at the start of this walk-through, and at its end (null when not asked). */
  painStart: number | null;
  painEnd: number | null;
  /** painEnd − painStart; negative is better. */
  change: number | null;
  next: { kind: TherapyKind; earliest: Date; latest: Date };
  advice: Advice[];
}

/**
 * The summary: the change in pain, when the next cold/heat session is due
 * (1 to 2 hours after the last ended, of the kind the choice gives then),
 * and the advice for this episode and the history.
 */
export function walkSummary(
  episodes: readonly Episode[],
  episode: Episode,
  painStart: number | null,
  painEnd: number | null,
  now: Date,
  protocol: Pick<Protocol, 'thresholds' | 'advice'>,
): WalkSummary {
  return {
    painStart,
    painEnd,
    change: painStart === null || painEnd === null ? null : painEnd - painStart,
    next: nextTherapy(episode, now, protocol.thresholds),
    advice: adviceFor(episodes, episode, now, protocol),
  };
}
