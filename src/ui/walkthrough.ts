// The screens and questions of `spasm start`. Every screen fits 80 columns,
// leads with a plain title, and says in words what colour only underlines.
import { describePace, type Pace, type PaceId } from '../core/breathing.js';
import type { RedFlagResult, TherapyChoice, TherapyKind } from '../core/records.js';
import { printable } from '../core/time.js';
import type { WalkSummary } from '../core/walkthrough.js';
import type { Protocol, RedFlagScreen, Step } from '../data/types.js';
import type { Prompter } from './prompts.js';
import { humanTime, makeStyle, wrap } from './style.js';

const widthOf = (columns: number) => Math.min(columns, 80) - 2;

/** A numbered list item, continuation lines under the text. */
const numbered = (i: number, text: string, w: number) => `${String(i + 1).padStart(2)}. ${wrap(printable(text), w - 4, 4)}`;

/** A labelled paragraph: "Careful: …", continuation lines indented under the text. */
function labelled(label: string, styled: string, text: string, w: number): string {
  return `${styled} ${wrap(printable(text), w - label.length - 1, label.length + 1)}`;
}

/** The red-flag screen before its question: title, intro, the signs as a list. */
export function renderRedFlagScreen(screen: RedFlagScreen, color: boolean, columns: number): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const lines = [c.bold('Safety check'), wrap(printable(screen.intro), w), '', 'Signs to check for:'];
  for (const flag of screen.flags) lines.push(`  - ${printable(flag.short)}`);
  return `\n${lines.join('\n')}\n\n`;
}

/**
 * The screen's question: "None of these" first and preselected, so the
 * common answer is one key; "Yes" opens a checklist with each full question.
 */
export async function askRedFlags(prompt: Prompter, screen: RedFlagScreen): Promise<string[]> {
  const any = await prompt.select<'none' | 'yes'>({
    message: 'Do any of these apply to you?',
    choices: [
      { name: printable(screen.noneLabel), value: 'none' },
      { name: 'Yes, one or more of these', value: 'yes' },
    ],
    default: 'none',
  });
  if (any === 'none') return [];
  return prompt.checkbox<string>({
    message: 'Which ones? (Space to tick, Enter when done)',
    // inquirer does not wrap descriptions; an 80-column terminal would break words.
    choices: screen.flags.map((f) => ({ name: printable(f.short), value: f.id, description: wrap(printable(f.question), 78) })),
    pageSize: screen.flags.length,
  });
}

/** The advice after a positive screen: the tier's title and advice, and the signs the person named. */
export function renderRedFlagAdvice(screen: RedFlagScreen, result: RedFlagResult, color: boolean, columns: number): string {
  if (result.tier === 'none') return '';
  const c = makeStyle(color);
  const w = widthOf(columns);
  const tier = screen.tiers[result.tier];
  const lines = [c.bold(`! ${printable(tier.title)}`), wrap(printable(tier.advice), w), '', 'You said:'];
  for (const id of result.positive) {
    const flag = screen.flags.find((f) => f.id === id);
    if (flag) lines.push(`  - ${printable(flag.short)}`);
  }
  if (result.tier === 'emergency') {
    lines.push('', wrap('The walk-through stops here. Your answers are saved with this episode.', w));
  }
  return `\n${lines.join('\n')}\n\n`;
}

/** After same-day advice: the comfort steps, or stop (the advice stays on screen until answered). */
export async function askComfortSteps(prompt: Prompter): Promise<boolean> {
  const go = await prompt.select<'go' | 'stop'>({
    message: 'Go on with the comfort steps while you arrange to be seen?',
    choices: [
      { name: 'Yes, go on', value: 'go' },
      { name: 'No, stop here', value: 'stop', description: 'Your answers are saved. Run spasm start again later.' },
    ],
  });
  return go === 'go';
}

/** "Step 2 of 5 · Slow breathing" */
export function stepTitle(step: Pick<Step, 'title'>, n: number, total: number): string {
  return `Step ${n} of ${total} · ${printable(step.title)}`;
}

/** One step as a screen: title, summary, numbered instructions, cautions, the note. */
export function renderStep(step: Step, n: number, total: number, color: boolean, columns: number): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const lines = [c.bold(stepTitle(step, n, total)), wrap(printable(step.summary), w), ''];
  step.instructions.forEach((text, i) => lines.push(numbered(i, text, w)));
  if (step.cautions.length) lines.push('');
  for (const caution of step.cautions) lines.push(labelled('Careful:', c.yellow.bold('Careful:'), caution, w));
  if (step.note) lines.push('', labelled('Good to know:', c.cyan('Good to know:'), step.note, w));
  return `\n${lines.join('\n')}\n\n`;
}

/** Start (at the default pace, for breathing), start at another pace, skip or stop. */
export type StepAction = 'start' | 'skip' | 'stop' | Exclude<PaceId, 'slow'>;

const OTHER_PACES: Record<Exclude<PaceId, 'slow'>, string> = {
  box: 'Box breathing instead',
  shorter: 'A shorter pace, if slow breathing feels hard',
};

/**
 * Start, skip or stop before a step; the first answer says what Start does.
 * For the breathing step, `paces` (the default first) adds a choice of pace
 * after Start, each described in seconds.
 */
export async function askStepAction(prompt: Prompter, step: Step, minutes: number | null, paces: readonly Pace[] = []): Promise<StepAction> {
  const start =
    step.id === 'stretches' ? 'Start the stretches' : minutes !== null ? `Start the ${minutes}-minute timer` : 'Done, next step';
  const [first, ...others] = paces;
  return prompt.select<StepAction>({
    message: 'Ready?',
    choices: [
      { name: start, value: 'start', ...(first ? { description: describePace(first) } : {}) },
      ...others.map((pace) => ({ name: OTHER_PACES[pace.id as Exclude<PaceId, 'slow'>], value: pace.id as Exclude<PaceId, 'slow'>, description: describePace(pace) })),
      { name: 'Skip this step', value: 'skip' },
      { name: 'Stop here', value: 'stop', description: 'End the walk-through now. What you did is saved; spasm start resumes here.' },
    ],
  });
}

/** The cold/heat step's first screen: the choice and why heat is a fair choice from day 1. */
export function renderTherapyChoice(protocol: Protocol, n: number, total: number, phase: TherapyKind, color: boolean, columns: number): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const usual = phase === 'cold' ? 'In the first 3 days the clinic protocol uses cold.' : 'From day 3 the clinic protocol uses heat.';
  const lines = [c.bold(stepTitle({ title: 'Cold or heat' }, n, total)), wrap(`${usual} ${printable(protocol.therapyChoice.note)}`, w)];
  return `\n${lines.join('\n')}\n\n`;
}

/** Which pack, or skip, or stop: one question, the usual kind preselected. */
export async function askTherapy(prompt: Prompter, protocol: Protocol, preselect: TherapyChoice): Promise<TherapyChoice | 'skip' | 'stop'> {
  const options = protocol.therapyChoice.options;
  const kinds: TherapyChoice[] = ['cold', 'heat', 'alternate'];
  return prompt.select<TherapyChoice | 'skip' | 'stop'>({
    message: printable(protocol.therapyChoice.question),
    choices: [
      ...kinds.map((k) => ({ name: printable(options[k].label), value: k, description: printable(options[k].description) })),
      { name: 'Skip this step', value: 'skip' },
      { name: 'Stop here', value: 'stop', description: 'End the walk-through now. What you did is saved; spasm start resumes here.' },
    ],
    default: preselect,
  });
}

/** What a later `spasm start` offers once the pain check-in is done. */
export type ContinueChoice = 'resume' | 'restart' | 'therapy' | 'walk' | 'nothing';

export async function askContinue(
  prompt: Prompter,
  offer: { resumeTitle?: string; therapy: TherapyKind; therapyDue: boolean; dueText: string },
): Promise<ContinueChoice> {
  const pack = offer.therapy === 'cold' ? 'cold pack' : 'heat pack';
  const choices: { name: string; value: ContinueChoice; description?: string }[] = [];
  if (offer.resumeTitle) {
    choices.push({ name: `Resume at ${offer.resumeTitle}`, value: 'resume' }, { name: 'Start the walk-through again from step 1', value: 'restart' });
  } else if (offer.therapyDue) {
    choices.push({ name: `A 20-minute ${pack} now (it is due)`, value: 'therapy' }, { name: 'The whole walk-through again', value: 'walk' });
  } else {
    choices.push({ name: 'The whole walk-through again', value: 'walk' }, { name: `A ${pack} now`, value: 'therapy', description: offer.dueText });
  }
  choices.push({ name: 'Nothing more now', value: 'nothing', description: offer.dueText });
  return prompt.select<ContinueChoice>({ message: 'What would you like to do?', choices });
}

/** "between 11:20 and 12:20" / "now" for the next cold/heat window. */
export function windowText(next: WalkSummary['next'], now: Date): string {
  if (next.latest.getTime() <= now.getTime()) return 'now';
  const at = (d: Date) => humanTime(d, now).replace(/^today /, '');
  if (next.earliest.getTime() <= now.getTime()) return `now, until ${at(next.latest)}`;
  return `between ${at(next.earliest)} and ${at(next.latest)}`;
}

function painLine(s: WalkSummary): string | null {
  if (s.painEnd === null) return s.painStart === null ? null : `Pain at the start: ${s.painStart} out of 10.`;
  if (s.painStart === null || s.change === null) return `Pain now: ${s.painEnd} out of 10.`;
  const change = s.change === 0 ? 'no change' : s.change < 0 ? `${-s.change} less` : `${s.change} more`;
  return `Pain: ${s.painStart} at the start, ${s.painEnd} now, out of 10 (${change}).`;
}

/** The end: pain and its change, the next cold/heat window as clock times, the advice, how to go on. */
export function renderSummary(
  s: WalkSummary,
  info: { episodeId: string; stoppedAt: string | null; walked: boolean; now: Date },
  color: boolean,
  columns: number,
): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const lines = [c.bold(info.stoppedAt ? `Stopped at ${printable(info.stoppedAt)}` : info.walked ? 'Walk-through done' : 'Check-in saved'), `Episode ${info.episodeId} is saved.`];
  const pain = painLine(s);
  if (pain) lines.push(pain);
  lines.push(wrap(`Next ${s.next.kind} session: ${windowText(s.next, info.now)}. Keep each to 20 minutes.`, w));
  for (const a of s.advice) {
    const urgent = a.code === 'seek-emergency-care' || a.code === 'seek-same-day-care';
    lines.push('', `${urgent ? c.red.bold('! ') : c.yellow('* ')}${wrap(printable(a.text), w - 2, 2)}`);
  }
  lines.push('', 'To carry on:');
  lines.push(`  spasm start        ${info.stoppedAt ? 'resume the walk-through' : 'a pain check-in and the next session'}`);
  lines.push(`  spasm timer ${s.next.kind}   just the ${s.next.kind} session, 20 minutes`);
  lines.push('  spasm status       where this episode stands');
  lines.push('  spasm checkin      a quick diary entry: pain, activities, medicines');
  return `\n${lines.join('\n')}\n`;
}

/** "Saved: 2 steps done, 1 skipped." for the Ctrl-C message. */
export function savedText(counts: { done: number; skipped: number }): string {
  const parts = [];
  if (counts.done) parts.push(`${counts.done} ${counts.done === 1 ? 'step' : 'steps'} done`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  return parts.length ? `Saved: ${parts.join(', ')}.` : '';
}

