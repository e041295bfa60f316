import type { ReportJson } from '../../core/report.js';

/**
 * `spasm report --format json` (SPEC.md section 4), two-space indented.
 * JSON.stringify already escapes C0 controls; DEL, the C1 controls and the
 * line separators are escaped too, so the output cannot steer a terminal
 * when printed there. The data is unchanged: it parses back the same.
 */
export function renderJson(report: ReportJson): string {
  return `${JSON.stringify(report, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
