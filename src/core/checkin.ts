// The rules of `spasm checkin` (SPEC.md section 2) and of the PSFS
// activities (clinical.md section 4), pure: every value is checked before
// the store is touched.
import { UsageError } from '../errors.js';
import { peakOf, msOf, type Checkin, type Episode, type FunctionScore } from './records.js';
import { inert, quoted } from './text.js';
import { formatIso } from './time.js';
import { charCount, checkNote, LABEL_MAX } from './log.js';
import { parsePain } from './values.js';

/** Up to 3 activities per episode (the PSFS as used in clinical.md section 4). */
export const ACTIVITIES_MAX = 3;
export const ACTIVITY_MAX_CHARS = 80;

/** An activity's name as stored: trimmed, inner spaces single. */
export function activityName(text: string, flag: string): string {
  const name = text.trim().replace(/\s+/g, ' ');
  if (!name) throw new UsageError(`${flag} needs an activity name`, 'for example: --activity "walking=4"');
  if (charCount(name) > ACTIVITY_MAX_CHARS) throw new UsageError(`${flag} names an activity of ${charCount(name)} characters; at most ${ACTIVITY_MAX_CHARS} are allowed`);
  return name;
}

/** `--activity name=0-10`: the name (before the last `=`) and its 0–10 score. */
export function parseActivityFlag(value: string): FunctionScore {
  const at = value.lastIndexOf('=');
  if (at < 0) throw new UsageError(`--activity must be name=0-10 (got ${quoted(value)})`, 'for example: --activity "walking=4" (0 = unable, 10 = as before the spasm)');
  const activity = activityName(value.slice(0, at), '--activity');
  const score = parsePain(value.slice(at + 1), `--activity ${inert(activity)}`);
  return { activity, score };
}

/** The stored name an activity matches (any case), or null for a new one. */
export function knownActivity(activities: readonly string[], name: string): string | null {
  const lower = name.toLowerCase();
  return activities.find((a) => a.toLowerCase() === lower) ?? null;
}

/**
 * Checks the ratings against the episode's list: each activity rated once,
 * a new name added while the list has fewer than 3. Returns the ratings with
 * stored names, and the list as it will be.
 */
export function planActivities(existing: readonly string[], ratings: readonly FunctionScore[]): { activities: string[]; function: FunctionScore[] } {
  const activities = [...existing];
  const scores: FunctionScore[] = [];
  for (const r of ratings) {
    let name = knownActivity(activities, r.activity);
    if (name === null) {
      if (activities.length >= ACTIVITIES_MAX) {
        throw new UsageError(
          `--activity ${quoted(r.activity)} would be a fourth activity; an episode follows at most ${ACTIVITIES_MAX}`,
          `this episode's activities: ${activities.map(quoted).join(', ')}`,
        );
      }
      name = r.activity;
      activities.push(name);
    }
    if (scores.some((s) => s.activity === name)) throw new UsageError(`--activity ${quoted(name)} is given twice`, 'rate each activity once per check-in');
    scores.push({ activity: name, score: r.score });
  }
  return { activities, function: scores };
}

/** The latest score of each activity, from earlier check-ins. */
export function lastScores(episode: Pick<Episode, 'checkins'>): Map<string, number> {
  const scores = new Map<string, { at: number; score: number }>();
  for (const c of episode.checkins) {
    for (const f of c.function) {
      const seen = scores.get(f.activity);
      if (!seen || msOf(c.at) >= seen.at) scores.set(f.activity, { at: msOf(c.at), score: f.score });
    }
  }
  return new Map([...scores].map(([name, v]) => [name, v.score]));
}

/** Checks the medicines: each non-empty, at most LABEL_MAX characters; kept as typed. */
export function parseMedicines(values: readonly string[], flag = '--medicine'): string[] {
  return values.map((value) => {
    const text = value.trim();
    if (!text) throw new UsageError(`${flag} must not be empty`, 'for example: --medicine "ibuprofen 400 mg"');
    if (charCount(text) > LABEL_MAX) throw new UsageError(`${flag} must be at most ${LABEL_MAX} characters (got ${charCount(text)})`);
    return text;
  });
}

/** What a check-in records; undefined means "not asked or not answered". */
export interface CheckinInput {
  at: Date;
  pain: number | null;
  ratings: FunctionScore[];
  medicines: string[];
  sleptBadly?: boolean;
  missedWork?: boolean;
  note?: string;
  settled: boolean;
}

/**
 * Adds the check-in to the episode in place (its pain also to the episode's
 * pain list, in time order), and ends the episode at its time when settled.
 * Returns the stored check-in.
 */
export function applyCheckin(episode: Episode, input: CheckinInput): Checkin {
  if (input.at.getTime() < msOf(episode.onset)) {
    throw new UsageError(`--at ${formatIso(input.at)} is before episode ${episode.id} began (${episode.onset})`);
  }
  const plan = planActivities(episode.activities, input.ratings);
  const checkin: Checkin = {
    at: formatIso(input.at),
    pain: input.pain,
    function: plan.function,
    medicines: input.medicines,
    sleptBadly: input.sleptBadly ?? null,
    missedWork: input.missedWork ?? null,
    notes: input.note === undefined ? '' : checkNote(input.note, '--note'),
  };
  episode.activities = plan.activities;
  episode.checkins = [...episode.checkins, checkin].sort((a, b) => msOf(a.at) - msOf(b.at));
  if (input.pain !== null) {
    episode.pain = [...episode.pain, { at: checkin.at, score: input.pain }].sort((a, b) => msOf(a.at) - msOf(b.at));
    episode.peakPain = peakOf(episode.pain);
  }
  if (input.settled) episode.endedAt = checkin.at;
  return checkin;
}

/** Pain 0 or 1 asks whether the spasm has settled (clinical.md section 4: NPRS 0 best marks recovery). */
export function asksSettled(pain: number | null): boolean {
  return pain !== null && pain <= 1;
}
