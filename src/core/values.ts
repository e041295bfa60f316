import { quoted } from './text.js';
import { UsageError } from '../errors.js';

/** Parses a pain score: a whole number from 0 to 10 (the NPRS). */
export function parsePain(input: string | number, flag: string): number {
  const text = String(input).trim();
  if (!/^\d{1,2}$/.test(text) || Number(text) > 10) {
    throw new UsageError(`${flag} must be a whole number from 0 to 10 (got ${quoted(String(input))})`, '0 is no pain, 10 the worst imaginable');
  }
  return Number(text);
}

/** Parses a whole number of minutes within [min, max]. */
export function parseMinutes(input: string, flag: string, min = 1, max = 240): number {
  const text = input.trim();
  if (!/^\d{1,4}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${flag} must be a whole number of minutes from ${min} to ${max} (got ${quoted(input)})`);
  }
  return Number(text);
}

/** Checks a value against a closed list, naming the flag and the allowed values. */
export function parseChoice<T extends string>(input: string, allowed: readonly T[], flag: string): T {
  const text = input.trim().toLowerCase();
  const hit = allowed.find((a) => a === text);
  if (!hit) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got ${quoted(input)})`);
  return hit;
}
