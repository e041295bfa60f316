import { PACE_NAMES, pacesOf } from '../core/breathing.js';
import { formatIso, printable } from '../core/time.js';
import { parseChoice, parseMinutes } from '../core/values.js';
import { loadProtocol } from '../data/index.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { reportSession, runSession } from '../flows/session.js';
import { requireFlags } from '../ui/ask.js';
import { withCompanion } from '../ui/companion.js';

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
/** Less time always a choice; more than 20 minutes of cold or heat risks the skin (clinical.md). */
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
  // Staying offers each next session with a question; without a terminal only hands-free can go on.
  if (opts.stay) requireFlags(deps.io, opts.handsFree ? [] : ['--hands-free'], 'timer --stay');
  const d = await withCompanion(deps, { voice: opts.voice });

  const first = await runSession(d, protocol, kind, minutes, pace);
  reportSession(d, first, kind === 'breathe' ? PACE_NAMES[pace.id].toLowerCase() : kind, !opts.stay);
  if (!opts.stay || first.ended === 'skipped' || kind === 'breathe') return;
  const { stay } = await import('../flows/stay.js');
  const last = first.therapy ?? { kind, start: formatIso(first.start), end: formatIso(first.end) };
  await stay(d, { last, sessions, ran: 1, handsFree: Boolean(opts.handsFree), minutes, pace }, protocol);
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > MAX_SESSIONS) throw new UsageError(`--sessions must be a whole number from 1 to ${MAX_SESSIONS} (got "${printable(text)}")`);
  return n;
}
