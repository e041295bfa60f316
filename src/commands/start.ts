import { addEpisode, ongoingEpisode, recordPain } from '../core/episodes.js';
import type { Episode, StoreDoc, TherapyChoice, TherapyKind } from '../core/records.js';
import { formatIso, formatSpan, parseWhen } from '../core/time.js';
import { parseChoice, parsePain } from '../core/values.js';
import {
  THERAPY_CHOICES,
  isTherapyStep,
  nextStepAfter,
  parseRedFlags,
  pendingStep,
  planSteps,
  redFlagResult,
  resumeIndex,
  screenDue,
  therapyDue,
  therapyKindFor,
  walkSummary,
} from '../core/walkthrough.js';
import { applyWalkEnd, parseWalkEndFlags } from '../core/walk-end.js';
import { loadLogOptions, loadProtocol, loadRedFlags } from '../data/index.js';
import type { Step } from '../data/types.js';
import type { Deps } from '../deps.js';
import { ExitCode, InterruptedError, SpasmError } from '../errors.js';
import { askPain, askWhen, requireFlags } from '../ui/ask.js';
import { isPromptExit } from '../ui/prompts.js';
import { humanTime, wrap } from '../ui/style.js';
import { askComfortSteps, askContinue, askRedFlags, renderRedFlagAdvice, renderRedFlagScreen, renderSummary, savedText, stepTitle, windowText } from '../ui/walkthrough.js';

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
}

export async function start(opts: StartOptions, deps: Deps): Promise<void> {
  const progress: Progress = { done: 0, skipped: 0 };
  try {
    await walk(opts, deps, progress);
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    throw interrupted(progress);
  }
}

function interrupted(p: Progress): InterruptedError {
  if (!p.episodeId) return new InterruptedError('Stopped. Nothing was saved.');
  const resume = p.resumeAt ? ` Run spasm start to resume at ${p.resumeAt}.` : ' Run spasm start to carry on.';
  return new InterruptedError(`Stopped. ${savedText(p)} Episode ${p.episodeId} is saved.${resume}`.replace(/ {2,}/g, ' '));
}

async function walk(opts: StartOptions, deps: Deps, progress: Progress): Promise<void> {
  const { io, prompt } = deps;
  const now = deps.clock.now();
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

  // 2. The episode: the ongoing one unless --new.
  const doc = await deps.store.read();
  const ongoing = opts.new ? null : ongoingEpisode(doc.episodes, now, th);
  const due = screenDue(ongoing, now, th);
  const missing = [
    ...(painFlag === undefined ? ['--pain'] : []),
    ...(due && flagsFlag === undefined ? ['--red-flags'] : []),
    ...(handsFree ? [] : ['--hands-free']),
  ];
  requireFlags(io, missing, 'start');

  if (ongoing) {
    io.err(`Continuing episode ${ongoing.id}, which began ${humanTime(new Date(ongoing.onset), now)} (${formatSpan(now.getTime() - Date.parse(ongoing.onset))} ago).\n`);
    if (onsetFlag) io.err('--onset is for a new episode, so it is not used. Add --new to start a new one.\n');
  } else if (!io.interactive) io.err(title);
  // Without a terminal a new episode begins now unless --onset says otherwise (SPEC.md start).
  const onset = ongoing ? ongoing.onset : formatIso(onsetFlag ?? (io.interactive ? await askWhen(prompt, now, 'When did this spasm begin?') : now));

  // 3. The red-flag screen, when due.
  let positive: string[] | undefined = flagsFlag;
  if (due && positive === undefined) {
    io.out(renderRedFlagScreen(screen, io.color, io.columns));
    positive = await askRedFlags(prompt, screen);
  }
  const flagResult = due ? redFlagResult(positive ?? [], formatIso(deps.clock.now()), screen) : null;
  if (flagResult && flagResult.tier !== 'none') io.out(renderRedFlagAdvice(screen, flagResult, io.color, io.columns));

  // 4. Pain now (not asked after an emergency answer: the advice comes first).
  // After same-day advice a terminal asks before going on, so the advice is read, not scrolled away.
  const stopAfterScreen = flagResult?.tier === 'same-day' && io.interactive && !handsFree && !(await askComfortSteps(prompt));
  const stopNow = flagResult?.tier === 'emergency' || stopAfterScreen;
  const painStart = painFlag ?? (stopNow ? undefined : await askPain(prompt, 'How bad is the pain right now?'));

  // What to walk: an interrupted walk-through resumes; a finished one offers the session that is due.
  const pending = pendingStep(ongoing);
  let choice: TherapyChoice | undefined = therapyFlag ?? ongoing?.walkthrough?.choice ?? doc.settings.therapy;
  let kind: TherapyKind = therapyFlag ? therapyKindFor(therapyFlag, { onset, therapy: ongoing?.therapy ?? [] }, now, th) : (ongoing?.walkthrough?.therapy && pending ? ongoing.walkthrough.therapy : therapyKindFor(choice, { onset, therapy: ongoing?.therapy ?? [] }, now, th));
  let plan: Step[] = planSteps(protocol.steps, kind);
  let from = 0;
  if (!stopNow && ongoing) {
    const resumeAt = resumeIndex(plan, pending);
    const sessionDue = therapyDue(ongoing, now, th);
    const summary = walkSummary(doc.episodes, ongoing, null, null, now, protocol);
    const dueText = `Next ${summary.next.kind} session: ${windowText(summary.next, now)}.`;
    let what: Awaited<ReturnType<typeof askContinue>> = resumeAt >= 0 ? 'resume' : 'walk';
    if (!handsFree && (resumeAt >= 0 || ongoing.walkthrough)) {
      what = await askContinue(prompt, { resumeTitle: resumeAt >= 0 ? stepTitle(plan[resumeAt]!, resumeAt + 1, plan.length) : undefined, therapy: kind, therapyDue: sessionDue, dueText });
    }
    if (what === 'resume') from = resumeAt;
    if (what === 'therapy') plan = plan.filter((s) => s.id === kind);
    if (what === 'nothing') plan = [];
  }

  // One write for everything asked so far: the episode, the screen, the pain, the plan.
  const id = await deps.store.update((fresh) => {
    const episode = ongoing ? find(fresh, ongoing.id) : addEpisode(fresh, onset, 'start', deps.random);
    if (flagResult) {
      episode.redFlags = flagResult;
      episode.redFlagHistory = [...(episode.redFlagHistory ?? []), flagResult];
    }
    if (painStart !== undefined) recordPain(episode, formatIso(deps.clock.now()), painStart);
    if (!stopNow && plan.length) episode.walkthrough = { startedAt: formatIso(now), next: plan[from]!.id, therapy: kind, ...(choice ? { choice } : {}) };
    return episode.id;
  });
  progress.episodeId = id;
  if (stopAfterScreen) io.out(`Your answers are saved with episode ${id}. When you are ready, run spasm start again.\n`);
  if (stopNow) return;

  // 5. The steps, each saved as soon as it ends.
  let stoppedAt: string | null = null;
  for (let i = from; i < plan.length; i++) {
    progress.resumeAt = `${plan[i]!.title} (step ${i + 1} of ${plan.length})`;
    if (deps.signal.aborted) throw interrupted(progress);
    const { runStep } = await import('../ui/run-step.js');
    const current = (await deps.store.read()).episodes.find((e) => e.id === id)!;
    const out = await runStep(plan[i]!, { deps, protocol, handsFree, n: i + 1, total: plan.length, kind, choice, askChoice: !therapyFlag, episode: current });
    kind = out.kind;
    choice = out.choice;
    const after = nextStepAfter(plan, i, out.status);
    const next = after && isTherapyStep(after) ? kind : after;
    await deps.store.update((fresh) => {
      const episode = find(fresh, id);
      // The therapy step is recorded as the kind actually used.
      episode.steps.push({ id: plan[i]!.phase ? kind : plan[i]!.id, status: out.status, at: formatIso(deps.clock.now()) });
      if (out.therapy) episode.therapy.push(out.therapy);
      episode.walkthrough = { startedAt: episode.walkthrough?.startedAt ?? formatIso(now), next, therapy: kind, ...(choice ? { choice } : {}) };
    });
    if (out.status === 'done') progress.done++;
    if (out.status === 'skipped') progress.skipped++;
    if (out.interrupted) throw interrupted(progress);
    if (out.status === 'stopped') {
      stoppedAt = stepTitle(plan[i]!, i + 1, plan.length);
      break;
    }
  }
  progress.resumeAt = undefined;

  // 6. Pain again (not hands-free: nobody may be at the keys), then the summary.
  const painEnd = handsFree || painStart === undefined ? undefined : await askPain(prompt, 'How bad is the pain now?', painStart);
  const { askWalkEnd, renderSettled } = await import('../flows/walk-end.js');
  const walked = (await deps.store.read()).episodes.find((e) => e.id === id)!;
  const ending = await askWalkEnd(prompt, loadLogOptions(), walked, endFlags, { ask: io.interactive && !handsFree, isNew: !ongoing, painNow: painEnd ?? painStart ?? null });
  const episodes = await deps.store.update((fresh) => {
    if (painEnd !== undefined) recordPain(find(fresh, id), formatIso(deps.clock.now()), painEnd);
    applyWalkEnd(find(fresh, id), ending, deps.clock.now());
    return fresh.episodes;
  });
  const end = deps.clock.now();
  if (ending.settled) return io.out(renderSettled(id, io.color, io.columns));
  const summary = walkSummary(episodes, episodes.find((e) => e.id === id)!, painStart ?? null, painEnd ?? null, end, protocol);
  io.out(renderSummary(summary, { episodeId: id, stoppedAt, walked: plan.length > from, now: end }, io.color, io.columns));
}

function find(doc: StoreDoc, id: string): Episode {
  const episode = doc.episodes.find((e) => e.id === id);
  // Deleted by another command while the walk-through ran: nothing sensible to save onto.
  if (!episode) throw new SpasmError(`episode ${id} was deleted meanwhile by another command; nothing more was saved`, ExitCode.Failure);
  return episode;
}
