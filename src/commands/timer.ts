import { PACE_NAMES, pacesOf } from '../core/breathing.js';
import { ongoingEpisode } from '../core/episodes.js';
import { formatSpan } from '../core/time.js';
import { parseChoice, parseMinutes } from '../core/values.js';
import { standingScreen } from '../core/plan.js';
import { loadProtocol, loadRedFlags } from '../data/index.js';
import type { Thresholds } from '../data/types.js';
import type { Deps } from '../deps.js';
import type { Store } from '../store/index.js';
import { InterruptedError, UsageError } from '../errors.js';
import { bell } from '../flows/countdown.js';
import { runTimed } from '../flows/timed.js';
import { unsavedStore } from '../flows/unsaved-store.js';
import { renderStandingScreen } from '../ui/walkthrough.js';

/** Options of `spasm timer <kind>`. */
export interface TimerOptions {
  /** Whole minutes; cold and heat default 20 (and at most 20, the safe limit), breathe 3. */
  minutes?: string;
  /** breathe only: slow (the default), box or shorter, as the protocol's data offers them. */
  pace?: string;
}

const KINDS = ['cold', 'heat', 'breathe'] as const;
/** Less time always a choice; 20 minutes of cold or heat is the clinic's routine [PP], and long contact risks burns [BG1]. */
const MAX_MINUTES = { cold: 20, heat: 20, breathe: 30 };

export async function timer(opts: TimerOptions, deps: Deps, kindArg: string): Promise<void> {
  const kind = parseChoice(kindArg, KINDS, '<kind>');
  const protocol = loadProtocol();
  const step = protocol.steps.find((s) => s.timer === kind)!;
  const defaultMinutes = kind === 'breathe' ? protocol.breathing.minutes : protocol.thresholds.therapyMinutes;
  const minutes = opts.minutes === undefined ? defaultMinutes : parseMinutes(opts.minutes, '--minutes', 1, MAX_MINUTES[kind]);
  const paces = pacesOf(protocol.breathing);
  if (opts.pace !== undefined && kind !== 'breathe') throw new UsageError(`--pace is for spasm timer breathe, not ${kind}`);
  const paceId = opts.pace === undefined ? 'slow' : parseChoice(opts.pace, paces.map((p) => p.id), '--pace');
  const pace = paces.find((p) => p.id === paceId)!;
  const { io } = deps;
  // Every caution of its kind (clinical.md section 7), not only the first.
  const reminder = step.cautions.join('\n');
  // The store is checked before the countdown: one line now, the countdown anyway, exit 3 at the end.
  const store = unsavedStore(deps.store, (line) => io.err(`spasm: ${line}`));
  // (A breathing timer records nothing, so only cold and heat need the store.)
  if (kind !== 'breathe') await store.check();
  const standing = store.failure ? null : await standingNow(kind === 'breathe' ? deps.store : store, deps.clock.now(), protocol.thresholds).catch(() => null);
  if (standing) io.err(renderStandingScreen(loadRedFlags(), standing, deps.clock.now(), io.errColor, io.columns, 'other'));
  const result = await runTimed(deps, { timer: kind, minutes, title: step.title, reminder, pace });

  const doneMs = result.end.getTime() - result.start.getTime();
  let saved = '';
  const session = result.therapy;
  if (session && !store.failure) {
    // Re-read under the lock: the episode that is ongoing now is the one to record on.
    const id = await store.update((doc) => {
      const episode = ongoingEpisode(doc.episodes, result.end, protocol.thresholds);
      episode?.therapy.push(session);
      return episode?.id;
    });
    saved = id && !store.failure ? ` Saved on episode ${id}.` : '';
  }
  if (!result.completed) {
    if (store.failure) throw new InterruptedError(`Stopped after ${formatSpan(doneMs)}. Nothing was saved: the store cannot be used.`);
    const tooShort = kind !== 'breathe' && !session ? ' Too short to record.' : '';
    throw new InterruptedError(`Stopped after ${formatSpan(doneMs)}.${saved}${tooShort}`);
  }
  bell(io.progressStream, io.stderrIsTTY);
  const { therapyIntervalMinHours: min, therapyIntervalMaxHours: max } = protocol.thresholds;
  const next = kind === 'breathe' ? '' : ` Next ${kind} session: in ${min} to ${max} hours.`;
  const what = kind === 'breathe' ? PACE_NAMES[pace.id].toLowerCase() : kind;
  io.err(`Done: ${formatSpan(doneMs)} of ${what}.${saved}${next}\n`);
  store.finish();
}

/** The screen that stands on the ongoing episode (emergency or same-day advice), shown before the countdown. */
async function standingNow(store: Store, now: Date, thresholds: Thresholds) {
  return standingScreen(ongoingEpisode((await store.read()).episodes, now, thresholds));
}
