import { inert } from '../core/text.js';
import { computeReport } from '../core/report.js';
import { periodSessions } from '../core/session-text.js';
import { addDays, formatIso, parseWhen } from '../core/time.js';
import { parseChoice } from '../core/values.js';
import { loadExercises, loadLogOptions, loadProtocol, loadRedFlags } from '../data/index.js';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { writeOutputFile } from '../output-file.js';
import type { ReportLabels } from '../ui/report/view.js';

/** Options of `spasm report`, as typed. */
export interface ReportOptions {
  /** Start of the period (`<when>`); default 365 days before --until. */
  since?: string;
  /** End of the period (`<when>`); default now. */
  until?: string;
  /** text, markdown, html, json or csv; default text. */
  format?: string;
  /** Write to this file instead of standard output. */
  output?: string;
  /** Replace --output if it exists. */
  force?: boolean;
}

const FORMATS = ['text', 'markdown', 'html', 'json', 'csv'] as const;

const REPORT_FACTS: string[] = ['painkillers', 'work', 'sleeping', 'flare-ups'];

/** The names the readable formats show for stored ids, from data/. */
function labels(): ReportLabels {
  const log = loadLogOptions();
  const screen = loadRedFlags();
  return {
    triggers: new Map(log.triggers.map((o) => [o.id, o.label])),
    helped: new Map(log.helped.map((o) => [o.id, o.label])),
    legs: new Map(log.legs.map((o) => [o.id, o.label])),
    redFlags: new Map(screen.flags.map((f) => [f.id, f.short])),
    exercises: new Map(loadExercises().exercises.map((x) => [x.id, x.name])),
    tiers: new Map([
      ['emergency', screen.tiers.emergency.title],
      ['same-day', screen.tiers['same-day'].title],
    ]),
    // The self-care facts the issue names for the person: painkillers, work, sleep, flare-ups.
    goodToKnow: loadProtocol().goodToKnow.filter((f) => REPORT_FACTS.includes(f.id)).map((f) => f.text),
  };
}

export async function report(opts: ReportOptions, deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const format = parseChoice(opts.format ?? 'text', FORMATS, '--format');
  const until = opts.until === undefined ? now : parseWhen(opts.until, now, '--until');
  const since = opts.since === undefined ? addDays(until, -365) : parseWhen(opts.since, now, '--since');
  if (since.getTime() > until.getTime()) {
    throw new UsageError(`--since ${formatIso(since)} is after --until ${formatIso(until)}`, 'give a --since before --until');
  }
  const doc = await deps.store.read();
  const sessions = periodSessions(doc, since, until);
  const result = computeReport({ episodes: doc.episodes, routineSessions: sessions.times.map((at) => ({ at })), periodSessions: sessions.sessions, name: doc.settings.name }, since, until, now, loadProtocol());
  // Each format's renderer is loaded when it is asked for: JSON and CSV need none of the others.
  let text: string;
  if (format === 'json') text = (await import('../ui/report/json.js')).renderJson(result.json);
  else if (format === 'csv') text = (await import('../ui/report/csv.js')).renderCsv(result.json.episodes);
  else {
    const { reportView } = await import('../ui/report/view.js');
    if (format === 'html') {
      // The printed page must stay one page: the good-to-know facts are in the text and markdown reports only.
      const { painChartSvg, renderHtml } = await import('../ui/report/html.js');
      text = renderHtml(reportView(result, { ...labels(), goodToKnow: [] }, 1), painChartSvg(result.pain, since, until));
    } else if (format === 'markdown') {
      const [{ renderMarkdown }, { TEXT_SLICES }] = await Promise.all([import('../ui/report/markdown.js'), import('../ui/report/text.js')]);
      text = renderMarkdown(reportView(result, labels(), TEXT_SLICES));
    } else {
      const { renderText, textSlices } = await import('../ui/report/text.js');
      // Colour and the terminal's width only on a terminal, never into a file or a pipe.
      const columns = deps.io.stdoutIsTTY && !opts.output ? deps.io.columns : 80;
      text = renderText(reportView(result, labels(), textSlices(columns)), deps.io.color && !opts.output, columns);
    }
  }
  if (opts.output) {
    writeOutputFile(opts.output, text, Boolean(opts.force));
    deps.io.err(`Report written to ${inert(opts.output)}\n`);
  } else deps.io.out(text);
}
