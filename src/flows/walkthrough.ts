// The questions of `spasm start`: each drives one prompt. The screens they
// follow are rendered by src/ui/walkthrough.ts.
import { describePace, type Pace, type PaceId } from '../core/breathing.js';
import type { TherapyChoice, TherapyKind } from '../core/records.js';
import { printable } from '../core/time.js';
import type { Protocol, RedFlagScreen, RedFlagTier, Step } from '../data/types.js';
import { wrap } from '../ui/style.js';
import { partItems } from '../ui/walkthrough.js';
import type { Choice, Prompter, Separator } from './prompts.js';

/** "y", "yes", "n", "no" (any case), else null. */
export function yesNo(text: string): 'yes' | 'no' | null {
  const word = text.trim().toLowerCase();
  if (word === 'y' || word === 'yes') return 'yes';
  if (word === 'n' || word === 'no') return 'no';
  return null;
}

/**
 * The screen's questions (clinical.md section 2, "How the screen is asked"),
 * in two parts: the "get help now" items and their question, then the "see
 * someone today" items and theirs. Each part is drawn by `render` just
 * before its question, so on a 24-row terminal nothing of it has scrolled
 * away. An emergency answer ends the screen at once: its advice comes next.
 * Nothing is preselected: the person types y or n, and Enter alone asks
 * again. "Yes" opens a checklist of that part's items in full words; ticking
 * nothing asks that part's question again, never records "none".
 */
/** How the screen is shown: where its text goes, each part drawn, and the terminal's size. */
export interface ScreenView {
  say(text: string): void;
  render(tier: RedFlagTier): string;
  columns: number;
  rows: number;
}

export async function askRedFlags(prompt: Prompter, screen: RedFlagScreen, view: ScreenView): Promise<string[]> {
  for (const tier of ['emergency', 'same-day'] as const) {
    view.say(view.render(tier));
    const picked = await askPart(prompt, screen, tier, view);
    if (picked.length > 0) return picked;
  }
  return [];
}

async function askPart(prompt: Prompter, screen: RedFlagScreen, tier: RedFlagTier, view: ScreenView): Promise<string[]> {
  for (;;) {
    const any = await prompt.input({
      message: `${tier === 'emergency' ? 'Do any of these apply to you?' : 'And do any of these apply to you?'} Type y (yes) or n (no), then Enter:`,
      validate: (value) => (yesNo(value) ? true : 'Please type y if any of these apply, or n if none do.'),
    });
    if (yesNo(any) === 'no') return [];
    // inquirer cuts long names at the terminal's edge, mid-word: wrapped here to the terminal, under the text (after "❯◯ 12. ").
    const width = Math.min(view.columns, 80) - 8;
    const choices: (Choice<string> | Separator)[] = [
      { type: 'separator', separator: printable(screen.tiers[tier].heading) },
      ...partItems(screen, tier).map(({ number, flag }) => ({ name: `${String(number).padStart(2)}. ${wrap(printable(flag.question), width, 7)}`, value: flag.id })),
    ];
    // As many lines as the terminal holds under the question and above the keys' help: at 60
    // columns and 24 rows all of the first part is in view.
    const picked = await prompt.checkbox<string>({ message: 'Which ones? Space ticks one, Enter when done', choices, pageSize: Math.max(8, view.rows - 3) });
    if (picked.length > 0) return picked;
    // The part again, and the reason just above its question, where it stays in view.
    view.say(`${view.render(tier).trimEnd()}\n\nYou said yes but ticked none. Here is the question again.\n`);
  }
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
    step.exercises ? 'Start the movements' : minutes !== null ? `Start the ${minutes}-minute timer` : 'Done, next step';
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

