// What keeps a person company through a session without watching the screen:
// the voice (--voice) and the desktop notification (the `notify` setting).
// A command sets them up once (withCompanion); the countdowns and steps use
// them through companionOf(deps), which is silent when none was set up.
import type { Settings } from '../core/records.js';
import type { Deps } from '../deps.js';
import { bell } from './countdown.js';
import { SILENT, createVoice, findSpeech, type Voice } from './voice.js';

export interface Companion {
  voice: Voice;
  /** Sends a desktop notification; resolves when sent (or not, on a machine without a notifier). */
  notify(title: string, message: string): Promise<void>;
}

const QUIET: Companion = { voice: SILENT, notify: () => Promise.resolve() };

export function companionOf(deps: Deps): Companion {
  return deps.companion ?? QUIET;
}

/** An on/off setting as `spasm config set` stores it; anything else (or nothing) is `fallback`. */
export function settingOn(settings: Settings, key: 'notify' | 'voice', fallback: boolean): boolean {
  const value = (settings as Record<string, unknown>)[key];
  if (value === 'off' || value === false) return false;
  if (value === 'on' || value === true) return true;
  return fallback;
}

/**
 * The deps with the companion the command's flags and settings ask for:
 * `--voice` (default: the `voice` setting, off) and notifications (the
 * `notify` setting, on). Without a speech command it says so once, and the
 * bell goes on ringing.
 */
export async function withCompanion(deps: Deps, options: { voice?: boolean }): Promise<Deps> {
  if (deps.companion) return deps; // set up already (a test's, or the command's that called this one)
  // A store that cannot be read must not keep first aid from running: the defaults then.
  const settings: Settings = await deps.store.read().then((doc) => doc.settings, () => ({}));
  const wantsVoice = options.voice ?? settingOn(settings, 'voice', false);
  const notifies = settingOn(settings, 'notify', true);
  let voice = SILENT;
  if (wantsVoice) {
    const command = findSpeech(deps.env);
    if (command) voice = createVoice(command);
    else deps.io.err('No speech command was found (say, espeak-ng, espeak or spd-say), so nothing will be spoken; the bell still rings.\n');
  }
  // A notifier that hangs must not hold up the next step: it gets 3 s.
  const send = async (title: string, message: string) => (await import('./notify.js')).notifyDesktop(title, message);
  const notify = notifies ? (title: string, message: string) => within(send(title, message), 3000) : QUIET.notify;
  return { ...deps, companion: { voice, notify } };
}

/** A timed step has ended: the bell, a notification and, with --voice, the words. */
export async function timerEnded(deps: Deps, spoken: string): Promise<void> {
  const companion = companionOf(deps);
  bell(deps.io.progressStream(), deps.io.stderrIsTTY);
  companion.voice.say(spoken);
  await companion.notify('spasm', spoken);
}

/** `promise`, or nothing after `ms` of real time, whichever comes first. */
export async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
}
