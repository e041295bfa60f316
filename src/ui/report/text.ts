import { makeStyle, wrap } from '../style.js';
import { clean, type ReportView } from './view.js';

/** Always 80 columns, whatever the terminal: the same data gives the same bytes. */
const WIDTH = 80;
/** Marks of the text sparkline: 73 slices make a 365-day period 5 days a mark. */
export const TEXT_SLICES = 73;
const LEVELS = '▁▂▃▄▅▆▇█';

/** One mark per slice: a block as high as the pain (0-10), a dot where nothing was recorded. */
export function sparkline(buckets: readonly (number | null)[]): string {
  return buckets.map((b) => (b === null ? '·' : LEVELS[Math.round((b * (LEVELS.length - 1)) / 10)])).join('');
}

/** What the marks mean, drawn by sparkline() itself so the legend cannot drift from it. */
export const SPARK_LEGEND = `${sparkline([0])} 0   ${sparkline([5])} 5   ${sparkline([10])} 10   ${sparkline([null])} nothing recorded`;

/** wrap() keeps long words whole; cut them so a long URL in a note cannot pass column 80. */
function fit(text: string, width: number, indent: number): string {
  const words = text.split(/\s+/).flatMap((w) => w.match(new RegExp(`.{1,${width}}`, 'gu')) ?? []);
  return wrap(words.join(' '), width, indent);
}

/** `spasm report` for the terminal: 80 columns, colour only when `color`, user text made printable. */
export function renderText(view: ReportView, color: boolean): string {
  const c = makeStyle(color);
  const out: string[] = [];
  const p = clean;
  const heading = (text: string) => out.push('', c.bold(text.toUpperCase()));
  const row = (label: string, value: string, labelWidth = 17) =>
    out.push(`  ${c.dim(label.padEnd(labelWidth))}${fit(value, WIDTH - 2 - labelWidth, 2 + labelWidth)}`);
  const counts = (rows: { label: string; count: number }[], empty: string) => {
    if (rows.length === 0) out.push(`  ${empty}`);
    for (const r of rows) out.push(`  ${String(r.count).padStart(3)}  ${fit(p(r.label), WIDTH - 7, 7)}`);
  };

  out.push(c.bold(view.title));
  row('Period', view.period, 10);
  row('Made', `${view.generated} by spasm`, 10);

  heading('Summary');
  for (const [label, value] of view.summary) row(label, p(value));
  for (const note of view.carriedOver) out.push(`  ${fit(p(note), WIDTH - 2, 2)}`);

  heading('Pain over time');
  out.push(`  ${sparkline(view.chart.buckets)}`);
  out.push(`  ${view.chart.start}${view.chart.end.padStart(view.chart.buckets.length - view.chart.start.length)}`);
  out.push(c.dim(`  highest pain in each ${view.chart.sliceDays} days:  ${SPARK_LEGEND}`));

  heading('Advice');
  if (view.advice.length === 0) out.push('  None at the end of this period.');
  for (const a of view.advice) out.push(`  ${a.urgent ? c.red.bold('!') : '*'} ${a.urgent ? c.bold(fit(a.text, WIDTH - 4, 4)) : fit(a.text, WIDTH - 4, 4)}`);

  heading('Red flags (screens with a positive answer)');
  if (view.redFlags.length === 0) out.push('  None reported.');
  for (const f of view.redFlags) {
    out.push(`  ${c.red.bold('!')} ${f.when}  ${p(f.episodeId)}  ${c.bold(p(f.tier))}`);
    out.push(`    ${fit(p(f.flags.join(', ')), WIDTH - 4, 4)}`);
  }

  heading('What set it off (episodes)');
  counts(view.triggers, 'Nothing recorded.');
  heading('What helped (episodes)');
  counts(view.helped, 'Nothing recorded.');
  heading('How far the pain spread (episodes)');
  counts(view.legs, '');

  heading('Home exercises');
  for (const [label, value] of view.routine) row(label, value);
  out.push(`  ${c.dim('Week from'.padEnd(17))}${c.dim('Sessions')}`);
  for (const w of view.weeks) out.push(`  ${w.start.padEnd(17)}${String(w.sessions).padStart(3)}  ${'#'.repeat(Math.min(w.sessions, 50))}`);

  heading('Episodes (oldest first)');
  if (view.episodes.length === 0) out.push('  None in this period.');
  else out.push(c.dim(`  ${'Id'.padEnd(8)}${'Onset'.padEnd(18)}${'Lasted'.padEnd(11)}${'Worst'.padEnd(7)}Leg spread`));
  for (const e of view.episodes) {
    const legs = p(e.legs) + (e.recurrence ? c.bold('  recurrence') : '');
    out.push(`  ${p(e.id).padEnd(8)}${e.onset.padEnd(18)}${e.lasted.padEnd(11)}${e.worst.padEnd(7)}${legs}`);
    const detail = (label: string, value: string) => {
      if (value) out.push(`  ${' '.repeat(8)}${c.dim(label.padEnd(10))}${fit(p(value), WIDTH - 20, 20)}`);
    };
    detail('Triggers', e.triggers.join(', '));
    detail('Helped', e.helped.join(', '));
    detail('Notes', e.notes);
  }
  if (view.episodes.some((e) => e.recurrence)) out.push(c.dim(`  ${view.recurrenceNote}`));
  return `${out.join('\n')}\n`;
}
