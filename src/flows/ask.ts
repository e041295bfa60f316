// Questions more than one command asks, so they read the same everywhere.
import { addDays, formatIso, parseWhen, startOfDay } from '../core/time.js';
import { parsePain } from '../core/values.js';
import type { Io } from '../deps.js';
import { UsageError } from '../errors.js';
import type { Prompter } from './prompts.js';

/**
 * The non-interactive rule of SPEC.md: without a terminal nothing is asked,
 * so every answer must come as a flag. Throws exit 2 naming what is missing.
 */
export function requireFlags(io: Io, missing: readonly string[], command: string): void {
  if (io.interactive || missing.length === 0) return;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  throw new UsageError(`without a terminal, ${command} needs ${list}`, `for example: spasm ${command} ${missing.map((f) => `${f}${f === '--hands-free' ? '' : ' …'}`).join(' ')}`);
}

/** Pain 0–10, typed as a number (one key and Enter is the least effort when it hurts). */
export async function askPain(prompt: Prompter, message: string, defaultScore?: number): Promise<number> {
  const answer = await prompt.input({
    message: `${message} (0 = none, 10 = worst imaginable)`,
    default: defaultScore === undefined ? undefined : String(defaultScore),
    validate: (value) => {
      try {
        parsePain(value, 'pain');
        return true;
      } catch {
        return 'Type a whole number from 0 to 10.';
      }
    },
  });
  return parsePain(answer, 'pain');
}

/** Reads "08:30" as that time on `day`, or any `<when>`. */
function parseTimeOn(text: string, day: Date, now: Date): Date {
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (clock && Number(clock[1]) < 24 && Number(clock[2]) < 60) {
    const at = new Date(day.getFullYear(), day.getMonth(), day.getDate(), Number(clock[1]), Number(clock[2]));
    return parseWhen(formatIso(at), now, 'time');
  }
  return parseWhen(text, now, 'time');
}

function validTime(day: Date | null, now: Date) {
  return (value: string): true | string => {
    try {
      if (day) parseTimeOn(value, day, now);
      else parseWhen(value, now, 'time');
      return true;
    } catch (error) {
      return (error as Error).message.replace(/^time /, 'That time ') + '.';
    }
  };
}

/**
 * When something began: quick choices first (just now, within the last
 * hour, earlier today, yesterday), a typed time last.
 */
export async function askWhen(prompt: Prompter, now: Date, message: string): Promise<Date> {
  type Pick = 'now' | 'hour' | 'today' | 'yesterday' | 'typed';
  const pick = await prompt.select<Pick>({
    message,
    choices: [
      { name: 'Just now', value: 'now' },
      { name: 'Within the last hour', value: 'hour' },
      { name: 'Earlier today', value: 'today' },
      { name: 'Yesterday', value: 'yesterday' },
      { name: 'Another time (type it)', value: 'typed' },
    ],
  });
  if (pick === 'now') return now;
  if (pick === 'hour') return new Date(now.getTime() - 30 * 60_000);
  if (pick === 'typed') {
    const text = await prompt.input({ message: 'When? (2026-11-25 18:00, 3h ago, 2d ago)', validate: validTime(null, now) });
    return parseWhen(text, now, 'time');
  }
  const day = pick === 'today' ? startOfDay(now) : addDays(startOfDay(now), -1);
  const text = await prompt.input({ message: `About what time ${pick}? (for example 08:30)`, validate: validTime(day, now) });
  return parseTimeOn(text, day, now);
}
