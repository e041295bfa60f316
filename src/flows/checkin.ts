// The questions of `spasm checkin` on a terminal: each one key or Enter, so
// the whole check-in takes seconds. Every answer can be skipped but pain.
import { activityName, ACTIVITIES_MAX, asksSettled, knownActivity, parseMedicines } from '../core/checkin.js';
import type { FunctionScore } from '../core/records.js';
import { printable } from '../core/time.js';
import { parsePain } from '../core/values.js';
import { askPain } from './ask.js';
import type { Prompter } from './prompts.js';

export interface CheckinAnswers {
  pain: number;
  ratings: FunctionScore[];
  medicines: string[];
  sleptBadly: boolean;
  missedWork: boolean;
  note: string;
}

const SCALE = '0 = unable, 10 = as before the spasm';

/** A 0–10 rating, or undefined when left empty. */
async function askScore(prompt: Prompter, message: string, required = false): Promise<number | undefined> {
  const answer = await prompt.input({
    message,
    validate: (value) => {
      if (value.trim() === '' && !required) return true;
      try {
        parsePain(value, 'score');
        return true;
      } catch {
        return required ? 'Type a whole number from 0 to 10.' : 'Type a whole number from 0 to 10, or leave it empty to skip.';
      }
    },
  });
  return answer.trim() === '' ? undefined : parsePain(answer, 'score');
}

/** Names up to 3 activities the spasm makes hard, each rated at once (its first PSFS score); Enter ends. */
export async function askNewActivities(prompt: Prompter): Promise<FunctionScore[]> {
  const rated: FunctionScore[] = [];
  while (rated.length < ACTIVITIES_MAX) {
    const text = await prompt.input({
      message: `${rated.length ? 'Another' : 'Name an'} activity the spasm makes hard (walking, sitting at work, putting on socks…); Enter ${rated.length ? 'when done' : 'skips'}`,
      validate: (value) => {
        if (value.trim() === '') return true;
        try {
          return knownActivity(rated.map((r) => r.activity), activityName(value, 'activity')) === null ? true : 'You named that one already.';
        } catch (error) {
          return (error as Error).message;
        }
      },
    });
    if (text.trim() === '') break;
    const activity = activityName(text, 'activity');
    const score = await askScore(prompt, `${printable(activity)}: how well can you do it now? ${SCALE}`, true);
    rated.push({ activity, score: score! });
  }
  return rated;
}

/** Asks every question of a check-in; `activities` are the episode's, `last` their latest scores. */
export async function askCheckin(prompt: Prompter, activities: readonly string[], last: ReadonlyMap<string, number>): Promise<CheckinAnswers> {
  const pain = await askPain(prompt, 'Pain now?');
  const ratings: FunctionScore[] = [];
  for (const activity of activities) {
    const before = last.get(activity);
    const score = await askScore(prompt, `${printable(activity)}${before === undefined ? '' : ` (last time ${before}/10)`}: how well can you do it now? ${SCALE}; Enter skips`);
    if (score !== undefined) ratings.push({ activity, score });
  }
  // The activities are named once, at the first check-in (or at the end of spasm start).
  if (activities.length === 0) ratings.push(...(await askNewActivities(prompt)));
  const ticked = await prompt.checkbox<'medicine' | 'sleep' | 'work'>({
    message: 'Since the last check-in (space ticks, Enter goes on)',
    choices: [
      { name: 'I took a medicine', value: 'medicine' },
      { name: 'I slept badly last night', value: 'sleep' },
      { name: 'I missed work or my usual activity today', value: 'work' },
    ],
  });
  let medicines: string[] = [];
  if (ticked.includes('medicine')) {
    const text = await prompt.input({ message: 'Which? (for example ibuprofen 400 mg; commas between several); Enter skips' });
    medicines = parseMedicines(text.split(',').filter((m) => m.trim() !== ''), 'medicine');
  }
  const note = await prompt.input({ message: 'A note? Enter skips' });
  return { pain, ratings, medicines, sleptBadly: ticked.includes('sleep'), missedWork: ticked.includes('work'), note: note.trim() };
}

/** At pain 0 or 1: has the spasm settled? Yes ends the episode. */
export async function askSettled(prompt: Prompter, pain: number | null, episodeId: string): Promise<boolean> {
  if (!asksSettled(pain)) return false;
  return prompt.confirm({ message: `Has the spasm settled? Yes marks episode ${episodeId} as ended.`, default: false });
}
