import type { ReportJson } from '../../core/report.js';
import { toJson } from '../../core/text.js';

/** `spasm report --format json` (SPEC.md section 4), through the one JSON writer (core/text.ts toJson). */
export function renderJson(report: ReportJson): string {
  return toJson(report);
}
