// `--stay` (SPEC.md `timer`): after a session, wait in the terminal for the
// next window, ring and notify at its earliest time, offer the next session
// and a quick check-in, and repeat. Leaving the wait (q, Ctrl-C) is exit 0:
// nothing is in progress then. A Ctrl-C inside a session is the session's, as
// in `spasm timer` (saved, exit 130).
import { pacesOf, type Pace } from '../core/breathing.js';
import { ongoingEpisode } from '../core/episodes.js';
import type { TherapyKind, TherapySession } from '../core/records.js';
import { planStay } from '../core/stay.js';
import { formatCountdown } from '../core/timer.js';
import { formatIso } from '../core/time.js';
import { loadProtocol } from '../data/index.js';
import type { Protocol } from '../data/types.js';
import type { Deps } from '../deps.js';
import { companionOf } from './companion.js';
import { bell, runCountdown } from './countdown.js';
import { isPromptExit } from './prompts.js';
import { humanTime } from '../ui/style.js';
import { quickCheckin } from './quick-checkin.js';
import { reportSession, runSession } from './session.js';

export interface StayOptions {
  /** The session that just ended (null: the episode's records decide). */
  last: TherapySession | null;
  /** Sessions in all, the first included; undefined: until the person leaves. */
  sessions?: number;
  /** Sessions run so far (the first is one). */
  ran: number;
  handsFree: boolean;
  minutes: number;
  pace: Pace;
  /** True once the store cannot be used (the sessions go on, nothing is saved). */
  unsaved?(): boolean;
}

const clock = (d: Date, now: Date) => humanTime(d, now).replace(/^today /, '');

export async function stay(deps: Deps, options: StayOptions, protocol: Protocol = loadProtocol()): Promise<void> {
  const { io } = deps;
  const companion = companionOf(deps);
  let { last, ran } = options;
  while (options.sessions === undefined || ran < options.sessions) {
    const plan = await nextPlan(deps, last, protocol);
    if (plan.action === 'stop-emergency') return emergency(deps, protocol);
    const now = deps.clock.now();
    io.err(`\nNext ${plan.kind} session from ${clock(plan.earliest, now)} (until ${clock(plan.latest, now)}). I will ring then.\n`);
    const waited = await runCountdown({
      clock: deps.clock,
      durationMs: Math.max(0, plan.earliest.getTime() - now.getTime()),
      signal: deps.signal,
      tty: io.stderrIsTTY,
      stream: io.progressStream(),
      keys: deps.keys && { source: deps.keys, quit: 'leave' },
      render: (frame) => `Next ${plan.kind} session in ${formatCountdown(frame.remainingMs)}. Let your skin rest until then.`,
    });
    if (!waited.completed) return void io.err('Left. Nothing is in progress. spasm status says when the next session is due.\n');

    // Another command may have recorded an emergency answer meanwhile.
    const fresh = await nextPlan(deps, last, protocol);
    if (fresh.action === 'stop-emergency') return emergency(deps, protocol);
    const kind = fresh.kind;
    const text = `Time for your next ${kind} session.`;
    bell(io.progressStream(), io.stderrIsTTY);
    companion.voice.say(text);
    await companion.notify('spasm', text);
    io.err(`${text}\n`);
    if (!options.handsFree && !(await offer(deps, kind))) return void io.err('Left. Nothing is in progress.\n');

    const result = await runSession(deps, protocol, kind, options.minutes, options.pace);
    ran++;
    reportSession(deps, result, kind, false, options.unsaved?.() ?? false);
    if (result.therapy) last = result.therapy;
    else last = { kind, start: formatIso(result.start), end: formatIso(result.end) };
  }
  io.err(`That was ${ran === 1 ? 'the one session' : `all ${ran} sessions`}.\n`);
}

async function nextPlan(deps: Deps, last: TherapySession | null, protocol: Protocol) {
  const doc = await deps.store.read();
  const now = deps.clock.now();
  return planStay(ongoingEpisode(doc.episodes, now, protocol.thresholds), last, now, protocol.thresholds);
}

function emergency(deps: Deps, protocol: Protocol): void {
  deps.io.err(`\n! ${protocol.advice['seek-emergency-care'].text}\nNo more cold or heat sessions are offered here: get help first.\n`);
}

/** The end of `spasm start` offers to stay; a no (or Ctrl-C) ends as before. */
export async function offerStay(deps: Deps, episodeId: string): Promise<void> {
  const protocol = loadProtocol();
  try {
    const yes = await deps.prompt.confirm({ message: 'Wait here for the next cold or heat session? I will ring then.', default: false });
    if (!yes) return;
  } catch (error) {
    if (isPromptExit(error)) return;
    throw error;
  }
  const pace = pacesOf(protocol.breathing)[0]!;
  deps.io.err(`Staying with episode ${episodeId}. Press q to leave the wait at any time.\n`);
  await stay(deps, { last: null, ran: 0, handsFree: false, minutes: protocol.thresholds.therapyMinutes, pace }, protocol);
}

/** Start the session, check in first, or leave. A Ctrl-C in the question leaves (nothing is in progress). */
async function offer(deps: Deps, kind: TherapyKind): Promise<boolean> {
  try {
    for (;;) {
      const what = await deps.prompt.select<'start' | 'checkin' | 'leave'>({
        message: `Start the ${kind} session now?`,
        choices: [
          { name: `Start the ${kind} session`, value: 'start' },
          { name: 'First a quick check-in: how is the pain?', value: 'checkin' },
          { name: 'Not now: leave', value: 'leave' },
        ],
      });
      if (what !== 'checkin') return what === 'start';
      await quickCheckin(deps);
    }
  } catch (error) {
    if (isPromptExit(error)) return false;
    throw error;
  }
}
