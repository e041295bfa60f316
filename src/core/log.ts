import { quoted } from './text.js';
// The input rules of `spasm log` (SPEC.md section 2): every flag value is
// checked here, before the store is touched, so a bad value changes nothing.
import type { LogOption, LogOptions } from '../data/types.js';
import { UsageError } from '../errors.js';
import { recordPain } from './episodes.js';
import { resolveId } from './ids.js';
import { LEGS, peakOf, msOf, type Episode, type Legs } from './records.js';
import { FUTURE_TOLERANCE_MS, formatIso, parseDuration, parseWhen } from './time.js';
import { parseChoice, parsePain } from './values.js';

export const NOTE_MAX = 10_000;
export const LABEL_MAX = 200;
/** The store's limit on triggers and on helped entries per episode. */
export const LABELS_MAX = 100;

/** The flags of `log add` and `log edit`, raw as commander passes them. */
export interface EpisodeFlags {
  onset?: string;
  pain?: string;
  lasted?: string;
  ongoing?: boolean;
  trigger?: string[];
  helped?: string[];
  legs?: string;
  note?: string;
}

/** Checked values; a field is undefined when it was not given. */
export interface EpisodeFields {
  onset?: Date;
  /** Worst pain, 0–10. */
  pain?: number;
  /** How long it lasted, in milliseconds. */
  lastedMs?: number;
  /** Still going (clears the end). */
  ongoing?: boolean;
  triggers?: string[];
  helped?: string[];
  legs?: Legs;
  note?: string;
}

/** Number of characters as a person counts them (code points, as the store's schema does). */
export function charCount(text: string): number {
  return [...text].length;
}

/** Checks a note: any Unicode, up to NOTE_MAX characters, kept exactly as typed. */
export function checkNote(note: string, flag: string): string {
  const n = charCount(note);
  if (n > NOTE_MAX) throw new UsageError(`${flag} is ${n.toLocaleString('en')} characters long; at most ${NOTE_MAX.toLocaleString('en')} are allowed`);
  return note;
}

/**
 * Maps typed triggers or helped entries to stored values: a known option's
 * id or label (any case) becomes its id; anything else is kept as typed,
 * trimmed. Each must be non-empty and at most LABEL_MAX characters.
 */
export function parseLabels(values: readonly string[], known: readonly LogOption[], flag: string): string[] {
  if (values.length > LABELS_MAX) throw new UsageError(`${flag} can be given at most ${LABELS_MAX} times (got ${values.length})`);
  const result: string[] = [];
  for (const value of values) {
    const text = value.trim();
    if (!text) throw new UsageError(`${flag} must not be empty`, `for example ${flag} ${known[0]?.id ?? 'lifting'}`);
    if (charCount(text) > LABEL_MAX) throw new UsageError(`${flag} must be at most ${LABEL_MAX} characters (got ${charCount(text)})`, 'put longer text in --note');
    const lower = text.toLowerCase();
    const hit = known.find((o) => o.id === lower || o.label.toLowerCase() === lower);
    const stored = hit ? hit.id : text;
    if (!result.includes(stored)) result.push(stored);
  }
  return result;
}

/** When an episode that began at `onsetMs` and lasted `lastedMs` ended; refuses an end in the future. */
export function endOf(onsetMs: number, lastedMs: number, now: Date): Date {
  const end = new Date(onsetMs + lastedMs);
  if (end.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new UsageError(
      `--lasted would end the episode at ${formatIso(end)}, which is in the future`,
      'if it is still going, give --ongoing instead; else a shorter --lasted or an earlier --onset',
    );
  }
  return end;
}

/** Parses and checks every flag of `log add`/`log edit`; throws exit 2 on the first bad one. */
export function parseEpisodeFlags(flags: EpisodeFlags, now: Date, options: LogOptions): EpisodeFields {
  const fields: EpisodeFields = {};
  if (flags.onset !== undefined) fields.onset = parseWhen(flags.onset, now, '--onset');
  if (flags.pain !== undefined) fields.pain = parsePain(flags.pain, '--pain');
  if (flags.lasted !== undefined && flags.ongoing) {
    throw new UsageError('--lasted and --ongoing cannot go together', 'give --lasted <duration> if it has ended, --ongoing if it is still going');
  }
  if (flags.lasted !== undefined) fields.lastedMs = parseDuration(flags.lasted, '--lasted');
  if (flags.ongoing) fields.ongoing = true;
  if (fields.onset && fields.lastedMs !== undefined) endOf(fields.onset.getTime(), fields.lastedMs, now);
  if (flags.trigger !== undefined) fields.triggers = parseLabels(flags.trigger, options.triggers, '--trigger');
  if (flags.helped !== undefined) fields.helped = parseLabels(flags.helped, options.helped, '--helped');
  if (flags.legs !== undefined) fields.legs = parseChoice(flags.legs, LEGS, '--legs');
  if (flags.note !== undefined) fields.note = checkNote(flags.note, '--note');
  return fields;
}

/** True when no field was given (an edit without flags). */
export function isEmptyFields(fields: EpisodeFields): boolean {
  return Object.values(fields).every((v) => v === undefined);
}

/**
 * Sets the worst pain: the highest check-in takes the new score (a logged
 * episode has just one, at onset), so peakPain stays the highest check-in.
 * Refuses a worst pain below another recorded check-in.
 */
export function setWorstPain(episode: Episode, score: number): void {
  if (episode.pain.length === 0) {
    recordPain(episode, episode.onset, score);
    return;
  }
  const peakIndex = episode.pain.reduce((best, p, i, all) => (p.score > all[best]!.score ? i : best), 0);
  const higher = episode.pain.find((p, i) => i !== peakIndex && p.score > score);
  if (higher) {
    throw new UsageError(`--pain ${score} is lower than the pain of ${higher.score} recorded at ${higher.at}`, 'the worst pain cannot be below a recorded check-in');
  }
  episode.pain[peakIndex] = { at: episode.pain[peakIndex]!.at, score };
  episode.peakPain = peakOf(episode.pain);
}

/**
 * Applies checked fields to an episode (a new one, or one being edited):
 * only the fields given change. Rules that need the stored record (an onset
 * after the recorded end, an end in the future) throw exit 2 here, inside
 * the store's update, so nothing is written.
 */
export function applyFields(episode: Episode, fields: EpisodeFields, now: Date): void {
  if (fields.onset) {
    const onset = formatIso(fields.onset);
    const keepsEnd = episode.endedAt !== null && fields.lastedMs === undefined && !fields.ongoing;
    if (keepsEnd && msOf(episode.endedAt!) <= fields.onset.getTime()) {
      throw new UsageError(`--onset ${onset} is not before the episode ended (${episode.endedAt})`, 'give --lasted or --ongoing as well');
    }
    // The worst pain of a logged episode is dated at its onset: it moves along.
    for (const p of episode.pain) if (p.at === episode.onset) p.at = onset;
    episode.onset = onset;
  }
  if (fields.ongoing) episode.endedAt = null;
  if (fields.lastedMs !== undefined) episode.endedAt = formatIso(endOf(msOf(episode.onset), fields.lastedMs, now));
  if (fields.pain !== undefined) setWorstPain(episode, fields.pain);
  if (fields.triggers) episode.triggers = fields.triggers;
  if (fields.helped) episode.helped = fields.helped;
  if (fields.legs) episode.legs = fields.legs;
  if (fields.note !== undefined) episode.notes = fields.note;
}

/** Checks an end time (`log end --at`) against the episode. */
export function checkEnd(episode: Episode, at: Date): string {
  if (episode.endedAt !== null) {
    throw new UsageError(`episode ${episode.id} already ended at ${episode.endedAt}`, `to change how long it lasted: spasm log edit ${episode.id} --lasted <duration>`);
  }
  if (at.getTime() <= msOf(episode.onset)) {
    throw new UsageError(`--at ${formatIso(at)} is not after the episode began (${episode.onset})`, 'give a time after the onset');
  }
  return formatIso(at);
}

/** Resolves a typed id or unique prefix among the episodes, or throws exit 2 naming the matches. */
/** Shortest episode id prefix accepted: 'e' and two more characters (e7k). */
const EPISODE_ID_PREFIX = 3;

export function findEpisode(episodes: readonly Episode[], input: string): Episode {
  const r = resolveId(input, episodes.map((e) => e.id), EPISODE_ID_PREFIX);
  if ('id' in r) return episodes.find((e) => e.id === r.id)!;
  if (r.error === 'too-short') {
    throw new UsageError(`${quoted(input)} is too short to pick an episode: give the id, or at least its first ${EPISODE_ID_PREFIX} characters`, 'see the ids with: spasm log list');
  }
  if (r.error === 'ambiguous') {
    throw new UsageError(`${quoted(input)} matches more than one episode: ${r.matches.join(', ')}`, 'type more of the id');
  }
  throw new UsageError(`no episode with the id ${quoted(input)}`, 'see the ids with: spasm log list');
}
