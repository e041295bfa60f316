import { applyCheckin, asksSettled, lastScores, parseActivityFlag, parseMedicines } from '../core/checkin.js';
import { ongoingEpisode } from '../core/episodes.js';
import type { Checkin, Episode, FunctionScore } from '../core/records.js';
import { toJson } from '../core/text.js';
import { parseWhen, printable } from '../core/time.js';
import { parsePain } from '../core/values.js';
import { loadProtocol } from '../data/index.js';
import type { Deps } from '../deps.js';
import { ExitCode, SpasmError, UsageError } from '../errors.js';
import { requireFlags } from '../flows/ask.js';

/** Options of `spasm checkin` (SPEC.md section 2), raw as commander gives them. */
export interface CheckinOptions {
  /** Pain now, 0–10 (required without a terminal). */
  pain?: string;
  /** `name=0-10`, repeatable. */
  activity?: string[];
  /** A medicine taken, repeatable. */
  medicine?: string[];
  sleptBadly?: boolean;
  missedWork?: boolean;
  note?: string;
  /** When (default now). */
  at?: string;
  /** The spasm is over: end the episode. */
  settled?: boolean;
  /** Print the stored check-in as JSON. */
  json?: boolean;
}

export async function checkin(opts: CheckinOptions, deps: Deps): Promise<void> {
  const { io, prompt } = deps;
  const now = deps.clock.now();
  // Every flag is checked before anything is read or asked.
  const painFlag = opts.pain === undefined ? undefined : parsePain(opts.pain, '--pain');
  const ratingsFlag = (opts.activity ?? []).map(parseActivityFlag);
  const medicinesFlag = parseMedicines(opts.medicine ?? []);
  const at = opts.at === undefined ? now : parseWhen(opts.at, now, '--at');
  requireFlags(io, painFlag === undefined ? ['--pain'] : [], 'checkin');

  const doc = await deps.store.read();
  const ongoing = ongoingEpisode(doc.episodes, now, loadProtocol().thresholds);
  if (!ongoing) {
    throw new UsageError('there is no ongoing episode to check in on', 'if a spasm has started: spasm start (first aid), or spasm log --onset <when> --pain <0-10> --ongoing');
  }

  // On a terminal without --pain, every question is asked; flags given still count.
  let answers: { pain?: number; ratings: FunctionScore[]; medicines: string[]; sleptBadly?: boolean; missedWork?: boolean; note?: string } = { pain: painFlag, ratings: ratingsFlag, medicines: medicinesFlag, sleptBadly: opts.sleptBadly || undefined, missedWork: opts.missedWork || undefined, note: opts.note };
  const { askCheckin, askSettled } = io.interactive ? await import('../flows/checkin.js') : { askCheckin: undefined, askSettled: undefined };
  if (askCheckin && painFlag === undefined) {
    const asked = await askCheckin(prompt, ongoing.activities, lastScores(ongoing));
    answers = {
      pain: asked.pain,
      ratings: [...ratingsFlag, ...asked.ratings.filter((r) => !ratingsFlag.some((f) => f.activity.toLowerCase() === r.activity.toLowerCase()))],
      medicines: [...medicinesFlag, ...asked.medicines],
      sleptBadly: opts.sleptBadly || asked.sleptBadly,
      missedWork: opts.missedWork || asked.missedWork,
      note: opts.note ?? (asked.note || undefined),
    };
  }
  const settled = Boolean(opts.settled) || (askSettled ? await askSettled(prompt, answers.pain ?? null, ongoing.id) : false);

  const saved = await deps.store.update((fresh) => {
    const episode = fresh.episodes.find((e) => e.id === ongoing.id);
    if (!episode) throw new SpasmError(`episode ${ongoing.id} was deleted meanwhile by another command; nothing was saved`, ExitCode.Failure);
    const record = applyCheckin(episode, { at, pain: answers.pain ?? null, ratings: answers.ratings, medicines: answers.medicines, sleptBadly: answers.sleptBadly, missedWork: answers.missedWork, note: answers.note, settled });
    return { record, episode: structuredClone(episode) };
  });
  if (opts.json) {
    io.out(toJson(saved.record));
    io.err(`${summary(saved.record, saved.episode, ongoing)}\n`);
  } else io.out(`${summary(saved.record, saved.episode, ongoing)}\n`);
}

/** One or two plain lines: what was saved, how each activity moved, and the end if settled. */
function summary(record: Checkin, episode: Episode, before: Episode): string {
  const last = lastScores(before);
  const parts = [record.pain === null ? 'no pain rating' : `pain ${record.pain}/10`];
  for (const f of record.function) {
    const was = last.get(f.activity);
    parts.push(`${printable(f.activity)} ${f.score}/10${was === undefined ? '' : ` (was ${was})`}`);
  }
  if (record.medicines.length) parts.push(`${record.medicines.length === 1 ? 'a medicine' : `${record.medicines.length} medicines`}`);
  const lines = [`Check-in saved on episode ${episode.id}: ${parts.join(', ')}.`];
  if (episode.endedAt !== null) lines.push(`Episode ${episode.id} is marked ended. If a spasm comes back, run spasm start.`);
  else if (asksSettled(record.pain)) lines.push(`If the spasm has settled: spasm log end ${episode.id}`);
  return lines.join('\n');
}
