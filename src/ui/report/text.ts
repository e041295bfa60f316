import { makeStyle, wrap } from '../style.js';
import { clean, type ReportView } from './view.js';

/** 80 columns, or the terminal's width when narrower: the same data and width give the same bytes. */
const MAX_WIDTH = 80;
/** Marks of the text sparkline: 73 slices make a 365-day period 5 days a mark (fewer on a narrow terminal). */
export const TEXT_SLICES = 73;
export function textSlices(columns: number): number {
  return Math.min(TEXT_SLICES, Math.max(36, Math.min(MAX_WIDTH, columns) - 4));
}
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

/** `spasm report` for the terminal: at most 80 columns, wrapped at words; colour only when `color`; user text made printable. */
export function renderText(view: ReportView, color: boolean, columns = MAX_WIDTH): string {
  const WIDTH = Math.max(40, Math.min(MAX_WIDTH, columns));
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
  if (view.patient) row('Patient', p(view.patient.replace(/^For /, '')), 10);
  row('Period', view.period, 10);
  row('Made', `${view.generated} by spasm`, 10);

  heading('Summary');
  for (const [label, value] of view.summary) row(label, p(value));
  for (const note of view.carriedOver) out.push(`  ${fit(p(note), WIDTH - 2, 2)}`);

  if (view.course) {
    const k = view.course;
    heading('Latest episode');
    out.push(`  ${fit(p(k.heading.replace(/^Latest episode: /, '')), WIDTH - 2, 2)}`);
    for (const [label, value] of k.rows) row(label, value);
    if (k.function.length) {
      const nameWidth = Math.min(28, WIDTH - 35);
      out.push(c.dim(`  ${'Activity (PSFS)'.padEnd(nameWidth)}${'First'.padStart(6)}${'Latest'.padStart(8)}${'Change'.padStart(8)}`));
      for (const f of k.function) {
        const name = [...p(f.activity)];
        const shown = name.length > nameWidth - 1 ? `${name.slice(0, nameWidth - 2).join('')}…` : name.join('');
        out.push(`  ${shown.padEnd(nameWidth)}${f.first.padStart(6)}${f.latest.padStart(8)}${f.change.padStart(8)}${f.important ? c.bold('  important') : ''}`);
      }
    }
    out.push(`  ${fit(k.functionNote, WIDTH - 2, 2)}`);
    if (k.medicines.length) {
      out.push(c.dim('  Medicines (check-ins)'));
      counts(k.medicines, '');
    }
  }

  heading('Pain over time');
  out.push(`  ${sparkline(view.chart.buckets)}`);
  out.push(`  ${view.chart.start}${view.chart.end.padStart(view.chart.buckets.length - view.chart.start.length)}`);
  const legendLine = `  highest pain in each ${view.chart.sliceDays} days:  ${SPARK_LEGEND}`;
  if ([...legendLine].length <= WIDTH) out.push(c.dim(legendLine));
  else out.push(c.dim(`  highest pain in each ${view.chart.sliceDays} days:`), c.dim(`  ${SPARK_LEGEND}`));

  heading('Advice');
  if (view.advice.length === 0) out.push('  None at the end of this period.');
  for (const a of view.advice) out.push(`  ${a.urgent ? c.red.bold('!') : '*'} ${a.urgent ? c.bold(fit(a.text, WIDTH - 4, 4)) : fit(a.text, WIDTH - 4, 4)}`);

  heading('Red flags (screens with a positive answer)');
  if (view.redFlags.length === 0) out.push('  None reported.');
  // Emergency answers first, each marked !!, apart from the same-day ones (!).
  for (const [emergency, title] of [[true, 'EMERGENCY signs'], [false, 'Same-day signs']] as const) {
    const group = view.redFlags.filter((f) => f.emergency === emergency);
    if (group.length) out.push(`  ${c.bold(title)}`);
    for (const f of group) {
      out.push(`  ${c.red.bold(emergency ? '!!' : '! ')} ${f.when}  ${p(f.episodeId)}  ${c.bold(fit(p(f.tier), WIDTH - 38, 38))}`);
      out.push(`     ${fit(p(f.flags.join(', ')), WIDTH - 5, 5)}`);
    }
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
  for (const w of view.weeks) out.push(`  ${w.start.padEnd(17)}${String(w.sessions).padStart(3)}  ${'#'.repeat(Math.min(w.sessions, WIDTH - 24))}`.trimEnd());
  if (view.exercises.length) {
    out.push(c.dim(`  ${'Exercise'.padEnd(30)}${'Done'.padStart(6)}${'Skipped'.padStart(9)}${'Stopped'.padStart(9)}`));
    for (const x of view.exercises) {
      const name = [...p(x.label)];
      const shown = name.length > 29 ? `${name.slice(0, 28).join('')}…` : name.join('');
      out.push(`  ${shown.padEnd(30)}${String(x.done).padStart(6)}${String(x.skipped).padStart(9)}${String(x.stopped).padStart(9)}`);
    }
  }

  heading('Episodes (oldest first)');
  if (view.episodes.length === 0) out.push('  None in this period.');
  else out.push(c.dim(`  ${'Id'.padEnd(8)}${'Onset'.padEnd(18)}${'Lasted'.padEnd(11)}${'Worst'.padEnd(7)}Leg spread`));
  for (const e of view.episodes) {
    const legs = fit(p(e.legs) + (e.recurrence ? ' (recurrence)' : ''), WIDTH - 46, 46);
    out.push(`  ${p(e.id).padEnd(8)}${e.onset.padEnd(18)}${e.lasted.padEnd(11)}${e.worst.padEnd(7)}${legs}`);
    const detail = (label: string, value: string) => {
      if (value) out.push(`  ${' '.repeat(8)}${c.dim(label.padEnd(10))}${fit(p(value), WIDTH - 20, 20)}`);
    };
    detail('Triggers', e.triggers.join(', '));
    detail('Helped', e.helped.join(', '));
    detail('Notes', e.notes);
  }
  if (view.episodes.some((e) => e.recurrence)) out.push(c.dim(`  ${fit(view.recurrenceNote, WIDTH - 2, 2)}`));
  return `${out.join('\n')}\n`;
}
