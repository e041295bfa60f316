import { durationDays } from '../../core/report.js';
import type { Episode } from '../../core/records.js';
import { round1 } from '../../core/time.js';
import { printableKeepingBreaks } from '../../core/text.js';

export const CSV_HEADER = ['id', 'onset', 'ended', 'duration_days', 'peak_pain', 'triggers', 'helped', 'legs', 'notes'];

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line
 * break. A text a spreadsheet would run as a formula (first character
 * `=`, `+`, `-`, `@`, tab or CR, also after leading spaces) gets a `'` in
 * front, which spreadsheets show as text (OWASP, "CSV injection").
 */
export function csvCell(value: string): string {
  const inert = /^[\t\r]|^ *[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/**
 * `spasm report --format csv`: the header of SPEC.md section 4, one row per
 * episode of the period, oldest first; list cells joined with "; ". Rows
 * end in CRLF as RFC 4180 says. Control characters in user text are made
 * visible as in the terminal; a line break inside a cell (LF, CRLF or CR) is
 * kept exactly as the user wrote it (SPEC.md section 4), inside quotes.
 */
export function renderCsv(episodes: readonly Episode[]): string {
  const user = (text: string) => csvCell(printableKeepingBreaks(text));
  const lines = [CSV_HEADER.join(',')];
  for (const e of episodes) {
    const d = durationDays(e);
    lines.push(
      [
        user(e.id),
        e.onset,
        e.endedAt ?? '',
        d === null ? '' : String(round1(d)),
        e.peakPain === null ? '' : String(e.peakPain),
        user(e.triggers.join('; ')),
        user(e.helped.join('; ')),
        e.legs ?? '',
        user(e.notes),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
