import { SPARK_LEGEND, sparkline } from './text.js';
import { clean, type ReportView } from './view.js';

/**
 * User text in Markdown, inline (in a table cell or after a list marker):
 * nothing in it can end the cell, emphasise, make a link, code or raw HTML.
 * Line breaks become <br>, so a cell stays on its one line.
 */
export function markdownText(text: string): string {
  return clean(text)
    .replace(/\t/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>');
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

/** `spasm report --format markdown`: GitHub-flavoured tables, every user text escaped. */
export function renderMarkdown(view: ReportView): string {
  const m = markdownText;
  const out: string[] = [`# ${view.title}`, '', ...(view.patient ? [`${m(view.patient)}.`, ''] : []), `Period: ${view.period}. Made ${view.generated} by spasm.`];
  const section = (title: string, lines: string[]) => out.push('', `## ${title}`, '', ...lines);
  const counts = (name: string, rows: { label: string; count: number }[]) =>
    rows.length ? table([name, 'Episodes'], rows.map((r) => [m(r.label), String(r.count)])) : ['Nothing recorded.'];

  section('Summary', table(['', ''], view.summary.map(([label, value]) => [label, m(value)])));
  if (view.carriedOver.length) out.push('', ...view.carriedOver.map((note) => `- ${m(note)}`));
  if (view.course) {
    const k = view.course;
    section(m(k.heading), [
      ...table(['', ''], k.rows.map(([label, value]) => [label, m(value)])),
      '',
      ...(k.function.length
        ? [...table(['Activity (PSFS)', 'First', 'Latest', 'Change'], k.function.map((f) => [m(f.activity), f.first, f.latest, f.important ? `**${f.change}** (important)` : f.change])), '']
        : []),
      m(k.functionNote),
      ...(k.medicines.length ? ['', ...table(['Medicine', 'Check-ins'], k.medicines.map((x) => [m(x.label), String(x.count)]))] : []),
    ]);
  }
  section('Pain over time', [
    `Highest pain in each ${view.chart.sliceDays} days, from ${view.chart.start} to ${view.chart.end} (${SPARK_LEGEND}):`,
    '',
    '```',
    sparkline(view.chart.buckets),
    '```',
  ]);
  section('Advice', view.advice.length ? view.advice.map((a) => `- ${a.urgent ? `**${m(a.text)}**` : m(a.text)}`) : ['None at the end of this period.']);
  section(
    'Red flags (screens with a positive answer)',
    view.redFlags.length
      ? table(['', 'Screened', 'Episode', 'Advice given', 'Signs'], view.redFlags.map((f) => [f.emergency ? '**!! EMERGENCY**' : '! same day', f.when, m(f.episodeId), `**${m(f.tier)}**`, m(f.flags.join(', '))]))
      : ['None reported.'],
  );
  section('What set it off', counts('Trigger', view.triggers));
  section('What helped', counts('Helped', view.helped));
  section('How far the pain spread', counts('Leg spread', view.legs));
  section('Home exercises', [
    ...table(['', ''], view.routine.map(([label, value]) => [label, m(value)])),
    '',
    ...table(['Week from', 'Sessions'], view.weeks.map((w) => [w.start, String(w.sessions)])),
    ...(view.exercises.length ? ['', ...table(['Exercise', 'Done', 'Skipped', 'Stopped'], view.exercises.map((x) => [m(x.label), String(x.done), String(x.skipped), String(x.stopped)]))] : []),
  ]);
  section(
    'Episodes (oldest first)',
    view.episodes.length
      ? table(
          ['Id', 'Onset', 'Lasted', 'Worst', 'Leg spread', 'Triggers', 'Helped', 'Notes'],
          view.episodes.map((e) => [
            m(e.id) + (e.recurrence ? ' (recurrence)' : ''),
            e.onset,
            e.lasted,
            e.worst,
            m(e.legs),
            m(e.triggers.join('; ')),
            m(e.helped.join('; ')),
            m(e.notes),
          ]),
        )
      : ['None in this period.'],
  );
  if (view.episodes.some((e) => e.recurrence)) out.push('', `*${view.recurrenceNote[0]!.toUpperCase()}${view.recurrenceNote.slice(1)}.*`);
  return `${out.join('\n')}\n`;
}
