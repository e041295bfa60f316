import { toJson } from '../core/text.js';
import { addEpisode, byOnset, episodeStillThere, ongoingEpisode, recordPain } from '../core/episodes.js';
import { applyFields, checkEnd, findEpisode, isEmptyFields, parseEpisodeFlags, type EpisodeFlags } from '../core/log.js';
import type { StoreHead } from '../core/document.js';
import { episodeJson, msOf, type Episode } from '../core/records.js';
import { formatIso, formatSpan, parseWhen } from '../core/time.js';
import { parsePain } from '../core/values.js';
import { loadLogOptions, loadProtocol } from '../data/index.js';
import type { Deps } from '../deps.js';
import { InterruptedError, UsageError } from '../errors.js';
import { requireFlags } from '../flows/ask.js';
import { askEpisodeEdit, askNewEpisode } from '../flows/ask-episode.js';
import { cancelable } from '../flows/prompts.js';
import { renderEpisode, renderEpisodeList } from '../ui/render-episode.js';
import { humanTime } from '../ui/style.js';

/** Options of `spasm log add` and `spasm log edit`: the episode's fields, raw. */
export interface LogAddOptions extends EpisodeFlags {
  /** Print the stored record as JSON (SPEC.md section 4). */
  json?: boolean;
}
export type LogEditOptions = LogAddOptions;

/** Options of `spasm log list`. */
export interface LogListOptions {
  /** Only episodes that began at or after this `<when>`. */
  since?: string;
  /** Print a JSON array, oldest first. */
  json?: boolean;
}

/** Options of `spasm log show`. */
export interface LogShowOptions {
  json?: boolean;
}

/** Options of `spasm log end`. */
export interface LogEndOptions {
  /** When it ended (`<when>`); default now. */
  at?: string;
  /** Pain at the end, 0–10. */
  pain?: string;
}

/** Options of `spasm log delete`. */
export interface LogDeleteOptions {
  /** Delete without asking. */
  yes?: boolean;
}

function ongoingId(doc: StoreHead, now: Date): string | null {
  return ongoingEpisode(doc.episodes, now, loadProtocol().thresholds)?.id ?? null;
}

/** Ctrl-C in a question: nothing was stored yet, so say so and exit 130. */
function asking<T>(questions: Promise<T>, nothing: string): Promise<T> {
  return cancelable(
    () => questions,
    () => {
      throw new InterruptedError(`Stopped. ${nothing}`);
    },
  );
}

function printEpisode(deps: Deps, episode: Episode, ongoing: string | null, json: boolean | undefined, now: Date): void {
  if (json) deps.io.out(toJson(episodeJson(episode)));
  else deps.io.out(renderEpisode(episode, ongoing, now, loadLogOptions(), deps.io.color, Math.min(deps.io.columns, 80)));
}

export async function logAdd(opts: LogAddOptions, deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const options = loadLogOptions();
  let fields = parseEpisodeFlags(opts, now, options);
  const missing = [...(fields.onset ? [] : ['--onset']), ...(fields.pain === undefined ? ['--pain'] : [])];
  requireFlags(deps.io, missing, 'log');
  const interactive = missing.length > 0;
  if (interactive) fields = await asking(askNewEpisode(deps.prompt, now, options, fields), 'Nothing was recorded.');
  const { episode, ongoing } = await deps.store.update((doc) => {
    const added = addEpisode(doc, formatIso(fields.onset!), 'log', deps.random);
    applyFields(added, fields, now);
    return { episode: added, ongoing: ongoingId(doc, now) };
  });
  if (opts.json || interactive) {
    if (interactive && !opts.json) deps.io.out('\n');
    printEpisode(deps, episode, ongoing, opts.json, now);
    if (!opts.json) deps.io.out(`\nSaved as episode ${episode.id}.\n`);
    return;
  }
  const lasted = episode.endedAt ? `lasted ${formatSpan(msOf(episode.endedAt) - msOf(episode.onset))}` : episode.id === ongoing ? 'ongoing' : 'not ended';
  deps.io.out(`Recorded episode ${episode.id}: began ${humanTime(new Date(episode.onset), now)}, worst pain ${episode.peakPain}/10, ${lasted}.\n`);
}

export async function logList(opts: LogListOptions, deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const since = opts.since === undefined ? null : parseWhen(opts.since, now, '--since');
  const doc = await deps.store.read();
  const episodes = since ? doc.episodes.filter((e) => msOf(e.onset) >= since.getTime()) : doc.episodes;
  if (opts.json) {
    deps.io.out(toJson(byOnset(episodes).map(episodeJson)));
  } else if (episodes.length === 0) {
    deps.io.out(
      since
        ? `No episodes since ${humanTime(since, now)}.\n`
        : 'No episodes recorded yet. To record one, run spasm log (it asks), or give flags:\n  spasm log --onset "2d ago" --pain 6 --lasted 1d\n',
    );
  } else {
    deps.io.out(renderEpisodeList(episodes, ongoingId(doc, now), deps.io.color, Math.min(deps.io.columns, 100)));
  }
}

export async function logShow(opts: LogShowOptions, deps: Deps, id: string): Promise<void> {
  const now = deps.clock.now();
  const doc = await deps.store.read();
  printEpisode(deps, findEpisode(doc.episodes, id), ongoingId(doc, now), opts.json, now);
}

export async function logEdit(opts: LogEditOptions, deps: Deps, id: string): Promise<void> {
  const now = deps.clock.now();
  const options = loadLogOptions();
  let fields = parseEpisodeFlags(opts, now, options);
  const target = findEpisode((await deps.store.read()).episodes, id);
  if (isEmptyFields(fields)) {
    if (!deps.io.interactive) {
      throw new UsageError(
        'log edit needs at least one field to change: --onset, --pain, --lasted or --ongoing, --trigger, --helped, --legs or --note',
        `for example: spasm log edit ${target.id} --pain 6`,
      );
    }
    fields = await asking(askEpisodeEdit(deps.prompt, now, options, target), 'Nothing was changed.');
  }
  const { episode, ongoing } = await deps.store.update((doc) => {
    const edited = episodeStillThere(doc, target.id, 'nothing was saved');
    applyFields(edited, fields, now);
    return { episode: edited, ongoing: ongoingId(doc, now) };
  });
  printEpisode(deps, episode, ongoing, opts.json, now);
}

export async function logEnd(opts: LogEndOptions, deps: Deps, id?: string): Promise<void> {
  const now = deps.clock.now();
  const at = opts.at === undefined ? now : parseWhen(opts.at, now, '--at');
  const pain = opts.pain === undefined ? undefined : parsePain(opts.pain, '--pain');
  const doc = await deps.store.read();
  const target = id === undefined ? ongoingEpisode(doc.episodes, now, loadProtocol().thresholds) : findEpisode(doc.episodes, id);
  if (!target) throw new UsageError('there is no ongoing episode to end', 'give the id of the one to end: spasm log end <id> (see spasm log list)');
  const episode = await deps.store.update((fresh) => {
    const ended = episodeStillThere(fresh, target.id, 'nothing was saved');
    ended.endedAt = checkEnd(ended, at);
    if (pain !== undefined) recordPain(ended, ended.endedAt, pain);
    return ended;
  });
  const lasted = formatSpan(msOf(episode.endedAt!) - msOf(episode.onset));
  deps.io.out(`Ended episode ${episode.id} ${humanTime(at, now)}, after ${lasted}.${pain === undefined ? '' : ` Pain at the end: ${pain}/10.`}\n`);
}

export async function logDelete(opts: LogDeleteOptions, deps: Deps, id: string): Promise<void> {
  const now = deps.clock.now();
  const target = findEpisode((await deps.store.read()).episodes, id);
  if (!opts.yes) {
    if (!deps.io.interactive) throw new UsageError('without a terminal, log delete needs --yes', `to delete it: spasm log delete ${target.id} --yes`);
    const sure = await asking(
      deps.prompt.confirm({
        message: `Delete episode ${target.id} (began ${humanTime(new Date(target.onset), now)}, worst pain ${target.peakPain ?? '-'}/10)? This cannot be undone.`,
        default: false,
      }),
      'Nothing was deleted.',
    );
    if (!sure) {
      deps.io.out(`Nothing deleted: episode ${target.id} is kept.\n`);
      return;
    }
  }
  await deps.store.update((doc) => {
    episodeStillThere(doc, target.id, 'nothing was saved');
    doc.episodes = doc.episodes.filter((e) => e.id !== target.id);
    // Never hand this id out again (SPEC.md section 2).
    doc.retiredIds.push(target.id);
  });
  deps.io.out(`Deleted episode ${target.id}.\n`);
}
