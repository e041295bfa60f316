// The end of `spasm start` (SPEC.md section 1): what set it off, how far it
// spreads, the PSFS activities of a new episode, and "has it settled?" at
// pain 0. Pure: flags checked here, answers applied to an episode here.
import type { LogOptions } from '../data/types.js';
import { planActivities } from './checkin.js';
import { parseLabels } from './log.js';
import { LEGS, type Episode, type FunctionScore, type Legs } from './records.js';
import { formatIso } from './time.js';
import { parseChoice } from './values.js';

/** `--trigger` (repeatable) and `--legs` of `spasm start`, checked. */
export interface WalkEndFlags {
  triggers?: string[];
  legs?: Legs;
}

export function parseWalkEndFlags(opts: { trigger?: string[]; legs?: string }, options: Pick<LogOptions, 'triggers'>): WalkEndFlags {
  return {
    ...(opts.trigger === undefined ? {} : { triggers: parseLabels(opts.trigger, options.triggers, '--trigger') }),
    ...(opts.legs === undefined ? {} : { legs: parseChoice(opts.legs, LEGS, '--legs') }),
  };
}

/** The answers at the end of a walk-through; undefined fields were skipped. */
export interface WalkEnd extends WalkEndFlags {
  /** New activities with their first scores (a new episode only). */
  ratings?: FunctionScore[];
  settled: boolean;
}

/**
 * Which end questions a terminal asks: at the end of a new episode's first
 * walk-through, what the flags did not answer (asked once, so a skipped one
 * does not come back at every start); "settled?" whenever pain is 0.
 */
export function walkEndQuestions(episode: Episode, flags: WalkEndFlags, isNew: boolean, painNow: number | null) {
  return {
    trigger: isNew && flags.triggers === undefined && episode.triggers.length === 0,
    legs: isNew && flags.legs === undefined && episode.legs === null,
    activities: isNew && episode.activities.length === 0,
    settled: painNow === 0,
  };
}

/** Applies the answers in place: triggers added, legs set, activities named and first rated, ended if settled. */
export function applyWalkEnd(episode: Episode, end: WalkEnd, at: Date): void {
  if (end.triggers) for (const t of end.triggers) if (!episode.triggers.includes(t)) episode.triggers.push(t);
  if (end.legs) episode.legs = end.legs;
  if (end.ratings?.length) {
    const plan = planActivities(episode.activities, end.ratings);
    episode.activities = plan.activities;
    // The first PSFS scores, as a check-in without a pain rating (the walk-through recorded that).
    episode.checkins = [...episode.checkins, { at: formatIso(at), pain: null, function: plan.function, medicines: [], sleptBadly: null, missedWork: null, notes: '' }];
  }
  if (end.settled) episode.endedAt = formatIso(at);
}
