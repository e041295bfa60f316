// The screens of `spasm start`, rendered to strings (the questions are in src/flows/walkthrough.ts). Every screen fits 80 columns,
// leads with a plain title, and says in words what colour only underlines.
import type { RedFlagResult, TherapyKind } from '../core/records.js';
import { printable } from '../core/time.js';
import type { WalkSummary } from '../core/walkthrough.js';
import type { Protocol, RedFlagScreen, RedFlagTier, Step } from '../data/types.js';
import { humanTime, makeStyle, wrap } from './style.js';

const widthOf = (columns: number) => Math.min(columns, 80) - 2;

/** A numbered list item, continuation lines under the text. */
const numbered = (i: number, text: string, w: number) => `${String(i + 1).padStart(2)}. ${wrap(printable(text), w - 4, 4)}`;

/** A labelled paragraph: "Careful: …", continuation lines indented under the text. */
function labelled(label: string, styled: string, text: string, w: number): string {
  return `${styled} ${wrap(printable(text), w - label.length - 1, label.length + 1)}`;
}

/** The items of one part of the screen, each with its number (1–8 "get help now", 9–18 "see someone today"). */
export function partItems(screen: RedFlagScreen, tier: RedFlagTier): { number: number; flag: RedFlagScreen['flags'][number] }[] {
  return screen.flags.map((flag, i) => ({ number: i + 1, flag })).filter((item) => item.flag.tier === tier);
}

/**
 * One part of the red-flag screen, before its question: "get help now" (with
 * the title and intro) or "see someone today", every item in full plain
 * words, numbered through both parts. A part's heading, items and question
 * fit a 24-row terminal at 60 columns and more (at 80, the title and intro
 * too), so the signs that matter most never scroll away above their question.
 */
export function renderRedFlagScreen(screen: RedFlagScreen, tier: RedFlagTier, color: boolean, columns: number): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const heading = printable(screen.tiers[tier].heading);
  const lines = tier === 'emergency' ? [c.bold('Safety check'), wrap(printable(screen.intro), w), '', c.red.bold(heading)] : [c.yellow.bold(heading)];
  for (const { number, flag } of partItems(screen, tier)) lines.push(numbered(number - 1, flag.question, w));
  return `\n${lines.join('\n')}\n\n`;
}

/** The one line on what to watch for (clinical.md section 2), for the end of a screen. */
export function renderWatchFor(screen: Pick<RedFlagScreen, 'watchFor'>, color: boolean, columns: number): string {
  return makeStyle(color).bold(wrap(printable(screen.watchFor), widthOf(columns)));
}

/**
 * A screen that still stands on the episode, shown before anything else:
 * when it was answered, its advice, what the person said. An emergency one
 * says that the screen comes again before any comfort step.
 */
export function renderStandingScreen(screen: RedFlagScreen, result: RedFlagResult, now: Date, color: boolean, columns: number, command: 'start' | 'other'): string {
  if (result.tier === 'none') return '';
  const c = makeStyle(color);
  const w = widthOf(columns);
  const tier = screen.tiers[result.tier];
  const said = result.positive.map((id) => screen.flags.find((f) => f.id === id)?.short ?? id);
  const lines = [
    c.red.bold(`! ${printable(tier.title)}`),
    wrap(`At your safety check ${humanTime(new Date(result.at), now)} you said: ${said.map(printable).join('; ')}.`, w),
    wrap(printable(tier.advice), w),
  ];
  if (result.tier === 'emergency') {
    lines.push(wrap(command === 'start' ? 'If you are already getting help, or these signs have gone, answer the safety check again first.' : 'If these signs have gone, run spasm start to answer the safety check again.', w));
  }
  return `\n${lines.join('\n')}\n\n`;
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
    lines.push('', wrap('The walk-through stops here, so you can get help.', w));
  }
  return `\n${lines.join('\n')}\n\n`;
}

/** "Step 2 of 5 · Slow breathing" */
export function stepTitle(step: Pick<Step, 'title'>, n: number, total: number): string {
  return `Step ${n} of ${total} · ${printable(step.title)}`;
}

/** One step as a screen: title, summary, numbered instructions, cautions, the note. */
export function renderStep(step: Step, n: number, total: number, color: boolean, columns: number, watchFor?: string): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const lines = [c.bold(stepTitle(step, n, total)), wrap(printable(step.summary), w), ''];
  step.instructions.forEach((text, i) => lines.push(numbered(i, text, w)));
  if (step.cautions.length) lines.push('');
  for (const caution of step.cautions) lines.push(labelled('Careful:', c.yellow.bold('Careful:'), caution, w));
  if (watchFor) lines.push(c.red.bold(`! ${wrap(printable(watchFor), w - 2, 2)}`));
  if (step.note) lines.push('', labelled('Good to know:', c.cyan('Good to know:'), step.note, w));
  return `\n${lines.join('\n')}\n\n`;
}

/** The cold/heat step's first screen: the choice and why heat is a fair choice from day 1. */
export function renderTherapyChoice(protocol: Protocol, n: number, total: number, phase: TherapyKind, color: boolean, columns: number): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const usual = phase === 'cold' ? 'In the first 3 days the clinic protocol uses cold.' : 'From day 3 the clinic protocol uses heat.';
  const lines = [c.bold(stepTitle({ title: 'Cold or heat' }, n, total)), wrap(`${usual} ${printable(protocol.therapyChoice.note)}`, w)];
  return `\n${lines.join('\n')}\n\n`;
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
  info: { episodeId: string | null; stoppedAt: string | null; walked: boolean; now: Date; goodToKnow: readonly string[]; watchFor: string },
  color: boolean,
  columns: number,
): string {
  const c = makeStyle(color);
  const w = widthOf(columns);
  const title = info.stoppedAt ? `Stopped at ${printable(info.stoppedAt)}` : info.walked ? 'Walk-through done' : info.episodeId ? 'Check-in saved' : 'Check-in done';
  const lines = [c.bold(title), info.episodeId ? `Episode ${info.episodeId} is saved.` : 'Nothing was saved.'];
  const pain = painLine(s);
  if (pain) lines.push(pain);
  lines.push(wrap(`Next ${s.next.kind} session: ${windowText(s.next, info.now)}. Keep each to 20 minutes.`, w));
  for (const a of s.advice) {
    const urgent = a.code === 'seek-emergency-care' || a.code === 'seek-same-day-care';
    lines.push('', `${urgent ? c.red.bold('! ') : c.yellow('* ')}${wrap(printable(a.text), w - 2, 2)}`);
  }
  for (const fact of info.goodToKnow) lines.push('', labelled('Good to know:', c.cyan('Good to know:'), fact, w));
  lines.push('', 'To carry on:');
  lines.push(`  spasm start        ${info.stoppedAt ? 'resume the walk-through' : 'a pain check-in and the next session'}`);
  lines.push(`  spasm timer ${s.next.kind}   just the ${s.next.kind} session, 20 minutes`);
  lines.push('  spasm status       where this episode stands');
  lines.push('  spasm checkin      a quick diary entry: pain, activities, medicines');
  lines.push('', makeStyle(color).bold(wrap(printable(info.watchFor), w)));
  return `\n${lines.join('\n')}\n`;
}

/** "Saved: 2 steps done, 1 skipped." for the Ctrl-C message. */
export function savedText(counts: { done: number; skipped: number }): string {
  const parts = [];
  if (counts.done) parts.push(`${counts.done} ${counts.done === 1 ? 'step' : 'steps'} done`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  return parts.length ? `Saved: ${parts.join(', ')}.` : '';
}

