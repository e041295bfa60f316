import { Chalk, type ChalkInstance } from 'chalk';

import { formatClock } from '../core/time.js';

export { wrap } from '../core/text.js';

/** The one place colour is decided: level 0 when colour is off, so every call is plain text. */
export function makeStyle(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A time for people, relative to `now`: "14:05" today, "Tue 25 Nov 14:05" otherwise (with the year if not this one). */
export function humanTime(date: Date, now: Date): string {
  const clock = formatClock(date);
  if (date.toDateString() === now.toDateString()) return `today ${clock}`;
  const day = `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
  return date.getFullYear() === now.getFullYear() ? `${day} ${clock}` : `${day} ${date.getFullYear()} ${clock}`;
}


/** "1 episode", "2 episodes", "0 episodes". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
