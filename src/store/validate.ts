import { schemaErrors, type Validator } from '../core/json-path.js';
import type { StoreHead } from '../core/document.js';
import type { Episode, RoutineSession, StoreDoc } from '../core/records.js';
import type { ExportDocument } from '../core/transfer.js';
import { validateEpisode, validateExportDoc, validateRoutineSession, validateStoreDoc } from './generated/records.js';


export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const num = (s: string, at: number, n: number) => {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
};

/**
 * Is a time the schema's pattern already accepted a real calendar time?
 * Digit arithmetic rather than Date parsing: a 10-year store holds some
 * 35,000 times, and every command reads them all.
 */
function isCalendarTime(iso: string): boolean {
  const year = num(iso, 0, 4);
  const month = num(iso, 5, 2);
  const day = num(iso, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!)) return false;
  if (num(iso, 11, 2) > 23 || num(iso, 14, 2) > 59 || num(iso, 17, 2) > 59) return false;
  const zone = iso.search(/[Zz+-](\d{2}:\d{2})?$/);
  return zone < 0 || iso[zone] === 'Z' || iso[zone] === 'z' || (num(iso, zone + 1, 2) <= 23 && num(iso, zone + 4, 2) <= 59);
}

/** Checks what a schema cannot: real calendar times, ordered intervals, unique ids. */
function checkMeaning(doc: { episodes: Episode[]; routineSessions: RoutineSession[] }): string[] {
  const errors = duplicateIds(doc);
  doc.episodes.forEach((e, i) => errors.push(...episodeMeaning(e, `$.episodes[${i}]`)));
  doc.routineSessions.forEach((s, i) => errors.push(...sessionMeaning(s, `$.routineSessions[${i}]`)));
  return errors;
}

function duplicateIds(doc: { episodes: Episode[]; routineSessions: RoutineSession[] }): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  const see = (id: string, path: string) => {
    if (seen.has(id)) errors.push(`${path}.id: "${id}" appears twice`);
    seen.add(id);
  };
  doc.episodes.forEach((e, i) => see(e.id, `$.episodes[${i}]`));
  doc.routineSessions.forEach((s, i) => see(s.id, `$.routineSessions[${i}]`));
  return errors;
}

function sessionMeaning(s: RoutineSession, at: string): string[] {
  return isCalendarTime(s.at) ? [] : [`${at}.at: is not a real date and time`];
}

function episodeMeaning(e: Episode, at: string): string[] {
  const errors: string[] = [];
  const time = (path: string, iso: string | null) => {
    if (iso !== null && !isCalendarTime(iso)) errors.push(`${path}: is not a real date and time`);
  };
  time(`${at}.onset`, e.onset);
  time(`${at}.endedAt`, e.endedAt);
  if (e.endedAt && isCalendarTime(e.endedAt) && isCalendarTime(e.onset) && Date.parse(e.endedAt) < Date.parse(e.onset)) {
    errors.push(`${at}.endedAt: is before the onset`);
  }
  e.pain.forEach((p, j) => time(`${at}.pain[${j}].at`, p.at));
  e.steps.forEach((s, j) => time(`${at}.steps[${j}].at`, s.at));
  e.therapy.forEach((s, j) => {
    time(`${at}.therapy[${j}].start`, s.start);
    time(`${at}.therapy[${j}].end`, s.end);
    if (isCalendarTime(s.start) && isCalendarTime(s.end) && Date.parse(s.end) < Date.parse(s.start)) errors.push(`${at}.therapy[${j}].end: is before the start`);
  });
  if (e.redFlags) time(`${at}.redFlags.at`, e.redFlags.at);
  e.checkins.forEach((c, j) => {
    time(`${at}.checkins[${j}].at`, c.at);
    c.function.forEach((f, k) => {
      if (!e.activities.includes(f.activity)) errors.push(`${at}.checkins[${j}].function[${k}].activity: is not one of the episode's activities`);
    });
  });
  return errors;
}

function check<T extends { episodes: Episode[]; routineSessions: RoutineSession[] }>(validate: Validator, doc: unknown): Checked<T> {
  const shape = schemaErrors(validate, doc);
  if (shape.length) return { ok: false, errors: shape };
  const errors = checkMeaning(doc as T);
  return errors.length ? { ok: false, errors } : { ok: true, value: doc as T };
}

/** Validates a whole store document of the current schema version. */
export function checkStoreDoc(doc: unknown): Checked<StoreDoc> {
  return check<StoreDoc>(validateStoreDoc, doc);
}

/** Validates a whole export document of the current schema version. */
export function checkExportDoc(doc: unknown): Checked<ExportDocument> {
  return check<ExportDocument>(validateExportDoc, doc);
}

/**
 * Validates a store document whose records were valid when loaded, looking
 * closely only at the records `isNew` says changed (the shell and the ids
 * are always checked). Writes stay fast on a 10-year store. Untouched
 * sessions (`sessions` undefined) are left alone: their ids ('r…') cannot
 * clash with episode ids ('e…').
 */
export function checkChangedStoreDoc(head: StoreHead, sessions: RoutineSession[] | undefined, isNew: (record: Episode | RoutineSession) => boolean): Checked<StoreHead> {
  const shell = { ...head, episodes: [], routineSessions: [] };
  const errors = schemaErrors(validateStoreDoc, shell);
  errors.push(...duplicateIds({ episodes: head.episodes, routineSessions: sessions ?? [] }));
  head.episodes.forEach((e, i) => {
    if (!isNew(e)) return;
    const at = `$.episodes[${i}]`;
    const shape = schemaErrors(validateEpisode, e).map((line) => at + line.slice(1));
    errors.push(...(shape.length ? shape : episodeMeaning(e, at)));
  });
  (sessions ?? []).forEach((s, i) => {
    if (!isNew(s)) return;
    const at = `$.routineSessions[${i}]`;
    const shape = schemaErrors(validateRoutineSession, s).map((line) => at + line.slice(1));
    errors.push(...(shape.length ? shape : sessionMeaning(s, at)));
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: head };
}
