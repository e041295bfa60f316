import { UsageError } from '../errors.js';
import { quoted } from './text.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS = { m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY } as const;
type Unit = keyof typeof UNIT_MS;

export const ms = { minute: MINUTE, hour: HOUR, day: DAY } as const;

/** Times before this year are typing mistakes (999999w ago, 0100-01-01), not back pain history. */
const EARLIEST_YEAR = 1900;

/** How far in the future a typed time may be before it is refused (clock skew, typing slowly). */
export const FUTURE_TOLERANCE_MS = 5 * MINUTE;

const WHEN_HELP = 'use an ISO date or date-time (2026-11-27, 2026-11-27T08:30), now, today, yesterday, or "<n><m|h|d|w> ago" (3h ago)';

function pad(n: number, width = 2): string {
  return String(Math.trunc(Math.abs(n))).padStart(width, '0');
}

/** Local midnight of the day that holds `date`. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
}

/** ISO 8601 in local time with its offset, to the second: 2026-11-27T09:20:00+01:00. */
export function formatIso(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/** A calendar date in local time: 2026-11-27. */
export function formatDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A clock time for people: 14:05. */
export function formatClock(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function localDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, msec = 0): Date | undefined {
  const date = new Date(y, mo - 1, d, h, mi, s, msec);
  // new Date rolls 2026-02-30 over to March: refuse instead of guessing.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return date;
}

/** Parses an ISO 8601 date or date-time; local time when no zone is given. Undefined when it is not one. */
export function parseIso(text: string): Date | undefined {
  let m = ISO_DATE.exec(text);
  if (m) return localDate(+m[1]!, +m[2]!, +m[3]!);
  m = ISO_LOCAL.exec(text);
  if (m) return localDate(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), Math.round(+`0.${m[7] ?? 0}` * 1000));
  if (ISO_ZONED.test(text)) {
    const [, y, mo, d, h] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})/i.exec(text)!;
    // Date.parse reads T24:00 as the next midnight; a person means no such hour.
    if (Number(h) > 23) return undefined;
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) return undefined;
    // Date.parse accepts 2026-02-30; check the day exists in the calendar.
    if (!localDate(+y!, +mo!, +d!)) return undefined;
    return date;
  }
  return undefined;
}

/** A local date-time (no zone) that the clocks skipped: 02:30 on the night summer time begins. */
function inDstGap(text: string): boolean {
  const m = ISO_LOCAL.exec(text);
  if (!m) return false;
  const date = new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  return date.getDate() === +m[3]! && (date.getHours() !== +m[4]! || date.getMinutes() !== +m[5]!);
}

/**
 * Parses a `<when>` typed by a user (SPEC.md section 2) relative to `now`.
 * Throws a UsageError naming `flag` when it cannot be read, does not exist
 * in local time (a daylight-saving gap), or lies more than five minutes in
 * the future. The value is echoed as typed, made inert.
 */
export function parseWhen(input: string, now: Date, flag: string): Date {
  const text = input.trim().toLowerCase();
  let date: Date | undefined;
  if (text === 'now') date = now;
  else if (text === 'today') date = startOfDay(now);
  else if (text === 'yesterday') date = addDays(startOfDay(now), -1);
  else {
    const ago = /^(\d{1,6})\s*([mhdw])\s+ago$/.exec(text);
    if (ago) date = new Date(now.getTime() - Number(ago[1]) * UNIT_MS[ago[2] as Unit]);
    else if (inDstGap(input.trim())) {
      throw new UsageError(`${flag} ${quoted(input)} does not exist in local time: the clocks skipped that hour (summer time)`, 'give the time as the clock showed it, such as an hour later, or with its offset (2026-03-29T02:30+01:00)');
    } else date = parseIso(input.trim());
  }
  if (!date) throw new UsageError(`${flag} ${quoted(input)} is not a time I can read`, WHEN_HELP);
  if (!(date.getFullYear() >= EARLIEST_YEAR)) throw new UsageError(`${flag} ${quoted(input)} is before ${EARLIEST_YEAR}`, 'give a time in a lifetime, such as 2026-11-20 or 3d ago');
  if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    const limit = new Date(now.getTime() + FUTURE_TOLERANCE_MS);
    throw new UsageError(`${flag} ${quoted(input)} is in the future`, `give a time up to 5 minutes from now (${formatDate(limit)} ${formatClock(limit)})`);
  }
  return date;
}

/** What a `<duration>` looks like, for refusals. */
export const DURATION_FORMAT = '<n>m, <n>h, <n>d or <n>w, combinable: 45m, 3h, 2d, 1w, 1d12h';

/** Parses a `<duration>`: `<n>m`, `<n>h`, `<n>d`, `<n>w`, combinable (1d12h). Positive; milliseconds. */
export function parseDuration(input: string, flag: string): number {
  const text = input.trim().toLowerCase().replace(/\s+/g, '');
  const help = `a duration is ${DURATION_FORMAT}`;
  if (!/^(\d{1,6}[mhdw])+$/.test(text)) throw new UsageError(`${flag} ${quoted(input)} is not a duration: use ${DURATION_FORMAT}`);
  let total = 0;
  const seen = new Set<string>();
  for (const [, n, unit] of text.matchAll(/(\d+)([mhdw])/g)) {
    if (seen.has(unit!)) throw new UsageError(`${flag} ${quoted(input)} names ${unit} twice`, help);
    seen.add(unit!);
    total += Number(n) * UNIT_MS[unit as Unit];
  }
  if (total <= 0) throw new UsageError(`${flag} must be longer than zero`, help);
  return total;
}

/** Human form of a span: "3 h 20 min", "2 days 4 h", "45 min", "12 s". */
export function formatSpan(msSpan: number): string {
  const totalSeconds = Math.max(0, Math.round(msSpan / 1000));
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${days === 1 ? 'day' : 'days'} ${hours} h` : `${days} ${days === 1 ? 'day' : 'days'}`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

// printable() moved to core/text.ts with inert() (one place makes echoed text safe); re-exported for its callers.
export { printable } from './text.js';

/** Rounds to one decimal, the precision of every day figure in reports. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
