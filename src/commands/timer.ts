import { PACE_NAMES, pacesOf } from '../core/breathing.js';
import { ongoingEpisode } from '../core/episodes.js';
import { standingScreen } from '../core/plan.js';
import { quoted } from '../core/text.js';
import { formatIso } from '../core/time.js';
import { parseChoice, parseMinutes } from '../core/values.js';
import { loadProtocol, loadRedFlags } from '../data/index.js';
import type { Thresholds } from '../data/types.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { requireFlags } from '../flows/ask.js';
import { withCompanion } from '../flows/companion.js';
import { reportSession, runSession } from '../flows/session.js';
import { unsavedStore } from '../flows/unsaved-store.js';
import type { Store } from '../store/index.js';
import { renderStandingScreen } from '../ui/walkthrough.js';

/** Options of `spasm timer <kind>`. */
export interface TimerOptions {
  /** Whole minutes; cold and heat default 20 (and at most 20, the safe limit), breathe 3. */
  minutes?: string;
  /** breathe only: slow (the default), box or shorter, as the protocol's data offers them. */
  pace?: string;
  /** cold and heat: after the session, wait for the next window and offer the next one. */
  stay?: boolean;
  /** With --stay: stop after this many sessions, the first included. */
  sessions?: string;
  /** No key presses: with --stay the next session starts by itself. */
  handsFree?: boolean;
  /** Speak the cues (default: the `voice` setting); --no-voice turns the setting off for this run. */
  voice?: boolean;
}

const KINDS = ['cold', 'heat', 'breathe'] as const;
/** Less time always a choice; 20 minutes of cold or heat is the clinic's routine [PP], and long contact risks burns [BG1]. */
const MAX_MINUTES = { cold: 20, heat: 20, breathe: 30 };
/** A day of sessions every hour is the most --sessions can ask. */
const MAX_SESSIONS = 24;

export async function timer(opts: TimerOptions, deps: Deps, kindArg: string): Promise<void> {
  const kind = parseChoice(kindArg, KINDS, '<kind>');
  const protocol = loadProtocol();
  const defaultMinutes = kind === 'breathe' ? protocol.breathing.minutes : protocol.thresholds.therapyMinutes;
  const minutes = opts.minutes === undefined ? defaultMinutes : parseMinutes(opts.minutes, '--minutes', 1, MAX_MINUTES[kind]);
  const paces = pacesOf(protocol.breathing);
  if (opts.pace !== undefined && kind !== 'breathe') throw new UsageError(`--pace is for spasm timer breathe, not ${kind}`);
  const paceId = opts.pace === undefined ? 'slow' : parseChoice(opts.pace, paces.map((p) => p.id), '--pace');
  const pace = paces.find((p) => p.id === paceId)!;
  if (opts.stay && kind === 'breathe') throw new UsageError('--stay is for spasm timer cold or heat, not breathe');
  if (opts.sessions !== undefined && !opts.stay) throw new UsageError('--sessions is for --stay', 'for example: spasm timer cold --stay --sessions 3');
  const sessions = opts.sessions === undefined ? undefined : parseCount(opts.sessions);
  const { io } = deps;
  // Staying offers each next session with a question; without a terminal only hands-free can go on.
  if (opts.stay) requireFlags(io, opts.handsFree ? [] : ['--hands-free'], `timer ${kind} --stay`);
  // The store is checked before the countdown: one line now, the countdown anyway, exit 3 at the end.
  const store = unsavedStore(deps.store, (line) => io.err(`spasm: ${line}`));
  // (A breathing timer records nothing, so only cold and heat need the store.)
  if (kind !== 'breathe') await store.check();
  const standing = store.failure ? null : await standingNow(kind === 'breathe' ? deps.store : store, deps.clock.now(), protocol.thresholds).catch(() => null);
  if (standing) io.err(renderStandingScreen(loadRedFlags(), standing, deps.clock.now(), io.errColor, io.columns, 'other'));
  const d = await withCompanion({ ...deps, store }, { voice: opts.voice });

  const first = await runSession(d, protocol, kind, minutes, pace);
  reportSession(d, first, kind === 'breathe' ? PACE_NAMES[pace.id].toLowerCase() : kind, !opts.stay, store.failure !== null);
  if (opts.stay && first.ended !== 'skipped' && kind !== 'breathe') {
    const { stay } = await import('../flows/stay.js');
    const last = first.therapy ?? { kind, start: formatIso(first.start), end: formatIso(first.end) };
    await stay(d, { last, sessions, ran: 1, handsFree: Boolean(opts.handsFree), minutes, pace, unsaved: () => store.failure !== null }, protocol);
  }
  store.finish();
}

/** The screen that stands on the ongoing episode (emergency or same-day advice), shown before the countdown. */
async function standingNow(store: Store, now: Date, thresholds: Thresholds) {
  return standingScreen(ongoingEpisode((await store.read()).episodes, now, thresholds));
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_SESSIONS) throw new UsageError(`--sessions must be a whole number from 1 to ${MAX_SESSIONS} (got ${quoted(text)})`);
  return n;
}
