// The skippable questions at the end of `spasm start` (src/core/walk-end.ts
// decides which); without a terminal, or hands-free, only the flags count.
import { walkEndQuestions, type WalkEnd, type WalkEndFlags } from '../core/walk-end.js';
import type { Episode } from '../core/records.js';
import { printable } from '../core/time.js';
import type { LogOptions } from '../data/types.js';
import { askLabels, askLegs } from './ask-episode.js';
import type { Prompter } from './prompts.js';
import { makeStyle, wrap } from '../ui/style.js';
import { askNewActivities } from './checkin.js';

export async function askWalkEnd(prompt: Prompter, options: LogOptions, episode: Episode, flags: WalkEndFlags, context: { ask: boolean; isNew: boolean; painNow: number | null }): Promise<WalkEnd> {
  if (!context.ask) return { ...flags, settled: false };
  const asks = walkEndQuestions(episode, flags, context.isNew, context.painNow);
  const end: WalkEnd = { ...flags, settled: false };
  if (asks.trigger) {
    const picked = await askLabels(prompt, 'What set it off? (Enter with nothing ticked skips)', options.triggers, []);
    if (picked.length) end.triggers = picked;
  }
  if (asks.legs) end.legs = await askLegs(prompt, options, null, true);
  if (asks.activities) {
    const rated = await askNewActivities(prompt);
    if (rated.length) end.ratings = rated;
  }
  if (asks.settled) end.settled = await prompt.confirm({ message: `Your pain is 0. Has the spasm settled? Yes marks episode ${episode.id} as ended.`, default: false });
  return end;
}

/** What `start` says when the episode has just been ended, instead of the next session. */
export function renderSettled(episodeId: string, color: boolean, columns: number, watchFor: string): string {
  const c = makeStyle(color);
  const width = Math.min(columns, 80);
  const text = `Good: the spasm has settled. Episode ${episodeId} is marked ended. Keep gently active; spasm routine has daily exercises that may help prevent the next one. If it comes back, run spasm start.`;
  return `\n${c.bold('Walk-through done')}\n${wrap(text, width)}\n\n${c.bold(wrap(printable(watchFor), width))}\n`;
}
