import { addEpisode, episodeStillThere, recordPain } from '../core/episodes.js';
import type { Episode } from '../core/records.js';
import { formatIso, formatSpan, parseWhen } from '../core/time.js';
import { parseChoice, parsePain } from '../core/values.js';
import { afterScreen, goodToKnowFor, planWalk, stepsFor, type StepsPlan } from '../core/plan.js';
import { THERAPY_CHOICES, isTherapyStep, nextStepAfter, parseRedFlags, redFlagResult, walkSummary } from '../core/walkthrough.js';
import { applyWalkEnd, parseWalkEndFlags } from '../core/walk-end.js';
import { loadLogOptions, loadProtocol, loadRedFlags } from '../data/index.js';
import type { Protocol, Step } from '../data/types.js';
import type { Deps } from '../deps.js';
import { InterruptedError } from '../errors.js';
import { askPain, askWhen, requireFlags } from '../flows/ask.js';
import { withCompanion } from '../flows/companion.js';
import { cancelable } from '../flows/prompts.js';
import { unsavedStore, type UnsavedStore } from '../flows/unsaved-store.js';
import { humanTime, wrap } from '../ui/style.js';
import { askComfortSteps, askContinue, askRedFlags, type ContinueChoice } from '../flows/walkthrough.js';
import { renderRedFlagAdvice, renderRedFlagScreen, renderStandingScreen, renderSummary, renderWatchFor, savedText, stepTitle, windowText } from '../ui/walkthrough.js';

/** Options of `spasm start` (SPEC.md section 2), raw strings as commander gives them. */
export interface StartOptions {
  /** When the spasm began (a new episode); `<when>`. */
  onset?: string;
  /** Pain now, 0–10. */
  pain?: string;
  /** `none`, or comma-separated red-flag ids. */
  redFlags?: string;
  /** cold, heat or alternate for this session. */
  therapy?: string;
  /** A new episode even if one is ongoing. */
  new?: boolean;
  /** No key presses: steps advance by themselves. */
  handsFree?: boolean;
  /** Speak the steps and cues (default: the `voice` setting). */
  voice?: boolean;
  /** Answers to the end-of-walk questions (as for `log`). */
  trigger?: string[];
  legs?: string;
}

/** What has been saved so far, for the Ctrl-C message. */
interface Progress {
  episodeId?: string;
  done: number;
  skipped: number;
  resumeAt?: string;
  /** The store could not be used: nothing is saved. */
  unsaved?: boolean;
}

export async function start(opts: StartOptions, given: Deps): Promise<void> {
  const progress: Progress = { done: 0, skipped: 0 };
  // First aid is never blocked by the store: it goes on in memory, and the end is exit 3.
  const store = unsavedStore(given.store, (line) => given.io.err(`spasm: ${line}`));
  await cancelable(
    () => walk(opts, given, progress, store),
    () => {
      throw interrupted(progress);
    },
  );
  store.finish();
}

function interrupted(p: Progress): InterruptedError {
  if (p.unsaved) return new InterruptedError('Stopped. Nothing was saved: the store cannot be used.');
  if (!p.episodeId) return new InterruptedError('Stopped. Nothing was saved.');
  const resume = p.resumeAt ? ` Run spasm start to resume at ${p.resumeAt}.` : ' Run spasm start to carry on.';
  return new InterruptedError(`Stopped. ${savedText(p)} Episode ${p.episodeId} is saved.${resume}`.replace(/ {2,}/g, ' '));
}

async function walk(opts: StartOptions, given: Deps, progress: Progress, store: UnsavedStore): Promise<void> {
  const { io, prompt } = given;
  const now = given.clock.now();
  const protocol = loadProtocol();
  const th = protocol.thresholds;
  const screen = loadRedFlags();

  // 1. Every flag value is checked before anything is read or stored.
  const painFlag = opts.pain === undefined ? undefined : parsePain(opts.pain, '--pain');
  const onsetFlag = opts.onset === undefined ? undefined : parseWhen(opts.onset, now, '--onset');
  const flagsFlag = opts.redFlags === undefined ? undefined : parseRedFlags(opts.redFlags, screen);
  const therapyFlag = opts.therapy === undefined ? undefined : parseChoice(opts.therapy, THERAPY_CHOICES, '--therapy');
  const handsFree = Boolean(opts.handsFree);
  const endFlags = parseWalkEndFlags(opts, loadLogOptions());

  // The title before the store is read, so a terminal shows something at once.
  const title = `${wrap('Back spasm first aid, one step at a time. You can skip or stop any step.', Math.min(io.columns, 80))}\n`;
  if (io.interactive) io.err(title);
  // Voice and notifications follow the store's settings: read after the title, and a store that cannot be used speaks next.
  const deps = { ...(await withCompanion(given, { voice: opts.voice })), store };

  // 2. The store is checked now, so a store that cannot be used is said at the start.
  await store.check();
  progress.unsaved = store.failure !== null;
  const doc = await deps.store.read();
  const plan = planWalk(doc.episodes, now, { pain: painFlag !== undefined, redFlags: flagsFlag !== undefined, onset: onsetFlag !== undefined, forceNew: Boolean(opts.new), handsFree }, th);
  const { ongoing } = plan;
  // A screen that still stands comes first, before any question or missing flag.
  if (plan.standing) io.out(renderStandingScreen(screen, plan.standing, now, io.color, io.columns, 'start'));
  requireFlags(io, plan.missing, 'start');

  if (ongoing) {
    io.err(`Continuing episode ${ongoing.id}, which began ${humanTime(new Date(ongoing.onset), now)} (${formatSpan(now.getTime() - Date.parse(ongoing.onset))} ago).\n`);
    if (onsetFlag) io.err('--onset is for a new episode, so it is not used. Add --new to start a new one.\n');
  } else if (!io.interactive) io.err(title);
  // Without a terminal a new episode begins now unless --onset says otherwise (SPEC.md start).
  // On a terminal its onset is asked after the screen (below): until then it stands at now.
  let onset = ongoing ? ongoing.onset : formatIso(onsetFlag ?? now);

  // 3. The red-flag screen, when due, before any other question: an emergency answer must not
  // wait on one. Its answers are saved at once, so a Ctrl-C after it keeps them.
  let positive: string[] | undefined = flagsFlag;
  if (plan.screenDue && positive === undefined) {
    positive = await askRedFlags(prompt, screen, { say: (text) => io.out(text), render: (tier) => renderRedFlagScreen(screen, tier, io.color, io.columns), columns: io.columns, rows: io.rows });
  }
  const flagResult = plan.screenDue ? redFlagResult(positive ?? [], formatIso(deps.clock.now()), screen) : null;
  let id = ongoing?.id;
  if (flagResult) {
    id = await deps.store.update((fresh) => {
      const episode = ongoing ? episodeStillThere(fresh, ongoing.id, 'nothing more was saved') : addEpisode(fresh, onset, 'start', deps.random);
      episode.redFlags = flagResult;
      episode.redFlagHistory = [...(episode.redFlagHistory ?? []), flagResult];
      return episode.id;
    });
    if (!store.failure) progress.episodeId = id;
  }
  if (flagResult && flagResult.tier !== 'none') io.out(renderRedFlagAdvice(screen, flagResult, io.color, io.columns));

  // 4. Pain now (not asked after an emergency answer: the advice comes first).
  const next = afterScreen(flagResult, io.interactive && !handsFree);
  const stopAfterScreen = next === 'ask-comfort' && !(await askComfortSteps(prompt));
  const stopNow = next === 'stop' || stopAfterScreen;
  // A new episode's onset, unless the screen ended the walk-through (nothing more is asked then).
  const askOnset = !ongoing && onsetFlag === undefined && io.interactive && !stopNow;
  if (askOnset) {
    onset = formatIso(await askWhen(prompt, now, 'When did this spasm begin?'));
    // Saved at once, as the screen was: a Ctrl-C at the next question keeps it.
    if (id) await deps.store.update((fresh) => void (episodeStillThere(fresh, id!, 'nothing more was saved').onset = onset));
  }
  const painStart = painFlag ?? (stopNow ? undefined : await askPain(prompt, 'How bad is the pain right now?'));

  // What to walk: an interrupted walk-through resumes; a finished one offers the session that is due.
  const steps = stepsFor(ongoing, onset, therapyFlag, now, protocol, doc.settings.therapy);
  let { kind, choice } = steps;
  const { plannedSteps, from } = stopNow || !ongoing ? { plannedSteps: steps.steps, from: 0 } : await whatToWalk(deps, ongoing, steps, doc.episodes, now, protocol, handsFree);

  // One write for the rest asked so far: the episode (if the screen did not make it), the pain, the plan.
  id = await deps.store.update((fresh) => {
    const episode = id ? episodeStillThere(fresh, id, 'nothing more was saved') : addEpisode(fresh, onset, 'start', deps.random);
    if (painStart !== undefined) recordPain(episode, formatIso(deps.clock.now()), painStart);
    if (!stopNow && plannedSteps.length) episode.walkthrough = { startedAt: formatIso(now), next: plannedSteps[from]!.id, therapy: kind, ...(choice ? { choice } : {}) };
    return episode.id;
  });
  if (!store.failure) progress.episodeId = id;
  if (stopAfterScreen) {
    io.out(`${store.failure ? 'Nothing was saved.' : `Your answers are saved with episode ${id}.`} When you are ready, run spasm start again.\n`);
    io.out(`\n${renderWatchFor(screen, io.color, io.columns)}\n`);
  }
  if (stopNow) return;

  // 5. The steps, each saved as soon as it ends.
  let stoppedAt: string | null = null;
  for (let i = from; i < plannedSteps.length; i++) {
    progress.resumeAt = `${plannedSteps[i]!.title} (step ${i + 1} of ${plannedSteps.length})`;
    if (deps.signal.aborted) throw interrupted(progress);
    const { runStep } = await import('../flows/run-step.js');
    const current = (await deps.store.read()).episodes.find((e) => e.id === id)!;
    const out = await runStep(plannedSteps[i]!, { deps, protocol, handsFree, n: i + 1, total: plannedSteps.length, kind, choice, askChoice: !therapyFlag, episode: current, watchFor: screen.watchFor });
    kind = out.kind;
    choice = out.choice;
    const after = nextStepAfter(plannedSteps, i, out.status);
    const nextId = after && isTherapyStep(after) ? kind : after;
    await deps.store.update((fresh) => {
      const episode = episodeStillThere(fresh, id!, 'nothing more was saved');
      // The therapy step is recorded as the kind actually used.
      episode.steps.push({ id: plannedSteps[i]!.phase ? kind : plannedSteps[i]!.id, status: out.status, at: formatIso(deps.clock.now()) });
      if (out.therapy) episode.therapy.push(out.therapy);
      episode.walkthrough = { startedAt: episode.walkthrough?.startedAt ?? formatIso(now), next: nextId, therapy: kind, ...(choice ? { choice } : {}) };
    });
    progress.unsaved = store.failure !== null;
    if (out.status === 'done') progress.done++;
    if (out.status === 'skipped') progress.skipped++;
    if (out.interrupted) throw interrupted(progress);
    if (out.status === 'stopped') {
      stoppedAt = stepTitle(plannedSteps[i]!, i + 1, plannedSteps.length);
      break;
    }
  }
  progress.resumeAt = undefined;

  // 6. Pain again, only after steps were walked (not hands-free: nobody may be at the keys), then the summary.
  const walked = plannedSteps.length > from;
  const painEnd = handsFree || !walked || painStart === undefined ? undefined : await askPain(prompt, 'How bad is the pain now?', painStart);
  const { askWalkEnd, renderSettled } = await import('../flows/walk-end.js');
  const current = (await deps.store.read()).episodes.find((e) => e.id === id)!;
  const ending = await askWalkEnd(prompt, loadLogOptions(), current, endFlags, { ask: walked && io.interactive && !handsFree, isNew: !ongoing, painNow: painEnd ?? painStart ?? null });
  const episodes = await deps.store.update((fresh) => {
    if (painEnd !== undefined) recordPain(episodeStillThere(fresh, id!, 'nothing more was saved'), formatIso(deps.clock.now()), painEnd);
    applyWalkEnd(episodeStillThere(fresh, id!, 'nothing more was saved'), ending, deps.clock.now());
    return fresh.episodes;
  });
  const end = deps.clock.now();
  if (ending.settled) return io.out(renderSettled(id!, io.color, io.columns, screen.watchFor));
  const summary = walkSummary(episodes, episodes.find((e) => e.id === id)!, painStart ?? null, painEnd ?? null, end, protocol);
  // One or two self-care facts, a different pair each walk-through.
  const seed = episodes.reduce((n, e) => n + e.steps.length, 0);
  const goodToKnow = walked ? goodToKnowFor(protocol.goodToKnow, seed).map((f) => f.text) : [];
  const info = { episodeId: store.failure ? null : id!, stoppedAt, walked, now: end, goodToKnow, watchFor: screen.watchFor };
  io.out(renderSummary(summary, info, io.color, io.columns));
  // --stay, offered at the end (issue #14): wait with the person for the next session.
  if (io.interactive && !handsFree && walked && !stoppedAt && !store.failure && !summary.advice.some((a) => a.code === 'seek-emergency-care')) await (await import('../flows/stay.js')).offerStay(deps, id!);
}

/**
 * On a later `spasm start`, after the pain check-in: resume an interrupted
 * walk-through, walk it again, just the cold/heat session, or nothing more.
 * Hands-free takes the resume, else the whole walk-through.
 */
async function whatToWalk(deps: Deps, ongoing: Episode, steps: StepsPlan, episodes: readonly Episode[], now: Date, protocol: Protocol, handsFree: boolean): Promise<{ plannedSteps: Step[]; from: number }> {
  const { resumeAt, kind } = steps;
  const summary = walkSummary(episodes, ongoing, null, null, now, protocol);
  const dueText = `Next ${summary.next.kind} session: ${windowText(summary.next, now)}.`;
  let what: ContinueChoice = resumeAt >= 0 ? 'resume' : 'walk';
  if (!handsFree && (resumeAt >= 0 || ongoing.walkthrough)) {
    const resumeTitle = resumeAt >= 0 ? stepTitle(steps.steps[resumeAt]!, resumeAt + 1, steps.steps.length) : undefined;
    what = await askContinue(deps.prompt, { resumeTitle, therapy: kind, therapyDue: steps.therapyDue, dueText });
  }
  if (what === 'resume') return { plannedSteps: steps.steps, from: resumeAt };
  if (what === 'therapy') return { plannedSteps: steps.steps.filter((s) => s.id === kind), from: 0 };
  if (what === 'nothing') return { plannedSteps: [], from: 0 };
  return { plannedSteps: steps.steps, from: 0 };
}
