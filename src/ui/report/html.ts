import { formatDate, parseIso } from '../../core/time.js';
import type { PainPoint } from '../../core/report.js';
import { clean, type ReportView } from './view.js';

/** User text in HTML: control characters made visible, then every markup character escaped. */
export function escapeHtml(text: string): string {
  // ␛ is missing from many fonts (it printed as a box): spell ESC like the other controls.
  return clean(text).replaceAll('␛', '\\x1b').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

// No outside resources: system fonts, no images, no scripts. Greys only, so
// it prints the same in black and white; urgent items carry a "!" and a
// border, never colour alone. No @page size: the printer's own paper (A4 or
// Letter) is used, and the layout fits the smaller of the two in each direction.
const CSS = `
*{box-sizing:border-box}
html{font:10pt/1.3 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#000;background:#fff}
body{margin:0;overflow-wrap:anywhere}
main{max-width:186mm;margin:0 auto;padding:6mm 0}
h1{font-size:14pt;margin:0}
h2{font-size:10pt;margin:7pt 0 2pt;padding-bottom:1pt;border-bottom:1px solid #000;text-transform:uppercase;letter-spacing:.04em;break-after:avoid}
p{margin:2pt 0}
.meta{color:#333}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:0 8mm}
.cols3{display:grid;grid-template-columns:1fr 1fr 1fr;gap:0 6mm}
.cols>*,.cols3>*{min-width:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:1pt 4pt 1pt 0;overflow-wrap:anywhere}
thead th{border-bottom:1px solid #000;font-weight:600;overflow-wrap:normal}
.nw{white-space:nowrap}
tbody tr{border-bottom:1px solid #bbb}
.episodes tbody{break-inside:avoid}
.episodes tr.has-notes{border-bottom:none}
th[scope=row]{font-weight:normal;color:#333;white-space:nowrap}
td.n,th.n{text-align:right;padding-right:6pt;white-space:nowrap}
.episodes{table-layout:fixed}
.episodes td{font-size:9pt}
.urgent{border:2px solid #000;padding:3pt 5pt;margin:3pt 0;font-weight:600}
.emergency{border-width:4px;font-size:1.1em}
ul{margin:2pt 0;padding-left:14pt}
svg{display:block;width:100%;height:auto}
svg text{font:9px system-ui,Arial,sans-serif;fill:#000}
.note{font-style:italic}
@media (max-width:600px){.cols,.cols3{grid-template-columns:1fr}}
@media print{html{font-size:9pt}main{max-width:none;padding:0}tr{break-inside:avoid}}
@page{margin:10mm}
`;

const CHART = { width: 700, height: 104, left: 28, right: 692, top: 8, bottom: 82 };
/** The least distance between two episodes' bars, in chart units (a bar is 2 wide). */
const MIN_GAP = 6;

/** The pain chart: one stem per episode up to its highest score, a dot per check-in. */
export function painChartSvg(points: readonly PainPoint[], since: Date, until: Date): string {
  const { left, right, top, bottom } = CHART;
  const start = since.getTime();
  const span = Math.max(1, until.getTime() - start);
  const x = (at: number) => (left + ((at - start) / span) * (right - left)).toFixed(1);
  const y = (score: number) => (bottom - (score / 10) * (bottom - top)).toFixed(1);
  const parts: string[] = [];
  for (const score of [0, 5, 10]) {
    parts.push(`<line x1="${left}" x2="${right}" y1="${y(score)}" y2="${y(score)}" stroke="#999" stroke-width="${score ? 0.5 : 1}"${score ? ' stroke-dasharray="3 3"' : ''}/>`);
    parts.push(`<text x="${left - 6}" y="${(+y(score) + 3).toFixed(1)}" text-anchor="end">${score}</text>`);
  }
  // Month ticks: the first of each month in the period (at most 13 for a year).
  const months: Date[] = [];
  for (let d = new Date(since.getFullYear(), since.getMonth() + 1, 1); d.getTime() <= until.getTime(); d = new Date(d.getFullYear(), d.getMonth() + 1, 1)) months.push(d);
  const every = Math.ceil(months.length / 13) || 1;
  months.forEach((d, i) => {
    if (i % every) return;
    const label = d.getMonth() === 0 || i === 0 ? `${MONTHS[d.getMonth()]} ${d.getFullYear()}` : MONTHS[d.getMonth()];
    parts.push(`<line x1="${x(d.getTime())}" x2="${x(d.getTime())}" y1="${bottom}" y2="${bottom + 4}" stroke="#000"/>`);
    parts.push(`<text x="${x(d.getTime())}" y="${bottom + 14}" text-anchor="middle">${label}</text>`);
  });
  const byEpisode = new Map<string, PainPoint[]>();
  for (const p of points) byEpisode.set(p.episodeId, [...(byEpisode.get(p.episodeId) ?? []), p]);
  // Episodes close together would draw their bars on top of each other: each
  // bar keeps at least MIN_GAP from the one before, pushed right (and all of
  // them pulled back left if that runs past the end).
  const lists = [...byEpisode.values()].sort((a, b) => a[0]!.at - b[0]!.at);
  const stems: number[] = [];
  for (const list of lists) stems.push(Math.max(+x(list[0]!.at), (stems.at(-1) ?? -Infinity) + MIN_GAP));
  for (let i = stems.length - 1, limit = right; i >= 0 && stems[i]! > limit; i--, limit -= MIN_GAP) stems[i] = limit;
  lists.forEach((list, i) => {
    const top = list.reduce((a, b) => (b.score > a.score ? b : a));
    const sx = stems[i]!.toFixed(1);
    parts.push(`<line x1="${sx}" x2="${sx}" y1="${y(0)}" y2="${y(top.score)}" stroke="#000" stroke-width="2"/>`);
    // The course of an episode with several ratings: a thin line through them.
    if (list.length > 1) parts.push(`<polyline points="${list.map((p, j) => `${j === 0 ? sx : x(p.at)},${y(p.score)}`).join(' ')}" fill="none" stroke="#000" stroke-width="0.75"/>`);
    list.forEach((p, j) => parts.push(`<circle cx="${j === 0 ? sx : x(p.at)}" cy="${y(p.score)}" r="${list.length > 1 ? 2 : 3}" fill="#000"/>`));
  });
  if (points.length === 0) parts.push(`<text x="${(left + right) / 2}" y="${(top + bottom) / 2}" text-anchor="middle">No pain recorded in this period</text>`);
  const desc = `Pain (0 to 10) of each episode from ${formatDate(since)} to ${formatDate(until)}`;
  return `<svg viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${desc}"><title>${desc}</title>${parts.join('')}</svg>`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-10-31 → 31 Oct: four of them fit beside the routine figures. */
function shortDate(isoDate: string): string {
  const d = parseIso(isoDate)!;
  return `${d.getDate()} ${MONTHS[d.getMonth()]}`;
}

function rows(pairs: [string, string][]): string {
  return `<table><tbody>${pairs.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
}

function counts(title: string, list: { label: string; count: number }[]): string {
  const body = list.length
    ? `<table><thead><tr><th>${title}</th><th class="n">Episodes</th></tr></thead><tbody>${list.map((r) => `<tr><td>${escapeHtml(r.label)}</td><td class="n">${r.count}</td></tr>`).join('')}</tbody></table>`
    : `<p>${title}: nothing recorded.</p>`;
  return `<div>${body}</div>`;
}

/** `spasm report --format html`: one self-contained page for the physical therapist. */
export function renderHtml(view: ReportView, chart: string): string {
  const e = escapeHtml;
  const advice = view.advice.length
    ? view.advice.map((a) => (a.urgent ? `<p class="urgent">! ${e(a.text)}</p>` : `<p>${e(a.text)}</p>`)).join('')
    : '<p>None at the end of this period.</p>';
  // Emergency answers first, in a heavy box marked "!! EMERGENCY", apart from the same-day ones.
  const redFlags = view.redFlags.length
    ? view.redFlags
        .map((f) => (f.emergency ? `<p class="urgent emergency">!! EMERGENCY: ${f.when}, episode ${e(f.episodeId)}: ${e(f.tier)}. ${e(f.flags.join(', '))}</p>` : `<p class="urgent">! Same day: ${f.when}, episode ${e(f.episodeId)}: ${e(f.tier)}. ${e(f.flags.join(', '))}</p>`))
        .join('')
    : '<p>None reported.</p>';
  const k = view.course;
  const course = k
    ? `<section><h2>Latest episode</h2><p>${e(k.heading.replace(/^Latest episode: /, 'Episode '))}</p><div class="cols"><div>${rows(k.rows)}${
        k.medicines.length ? `<table><thead><tr><th>Medicine</th><th class="n">Check-ins</th></tr></thead><tbody>${k.medicines.map((x) => `<tr><td>${e(x.label)}</td><td class="n">${x.count}</td></tr>`).join('')}</tbody></table>` : ''
      }</div><div>${
        k.function.length
          ? `<table><thead><tr><th>Activity (PSFS)</th><th class="n">First</th><th class="n">Latest</th><th class="n">Change</th></tr></thead><tbody>${k.function.map((f) => `<tr><td>${e(f.activity)}</td><td class="n">${f.first}</td><td class="n">${f.latest}</td><td class="n">${f.important ? `<b>${f.change}</b> important` : f.change}</td></tr>`).join('')}</tbody></table>`
          : ''
      }<p class="meta">${e(k.functionNote)}</p></div></div></section>`
    : '';
  const exercises = view.exercises.length
    ? `<table><thead><tr><th>Exercise</th><th class="n">Done</th><th class="n">Skipped</th><th class="n">Stopped</th></tr></thead><tbody>${view.exercises.map((x) => `<tr><td>${e(x.label)}</td><td class="n">${x.done}</td><td class="n">${x.skipped}</td><td class="n">${x.stopped}</td></tr>`).join('')}</tbody></table>`
    : '';
  // Notes go on a full-width line under their episode, so the other columns stay wide and short.
  const episodes = view.episodes.length
    ? `<table class="episodes"><colgroup><col style="width:11%"><col style="width:17%"><col style="width:9%"><col style="width:7%"><col style="width:14%"><col style="width:21%"><col></colgroup>
<thead><tr><th>Id</th><th>Onset</th><th>Lasted</th><th>Worst</th><th>Leg spread</th><th>Triggers</th><th>Helped</th></tr></thead>
${view.episodes
        .map((r) => {
          const main = `<tr${r.notes ? ' class="has-notes"' : ''}><td>${e(r.id)}${r.recurrence ? '<br>recurrence' : ''}</td><td class="nw">${r.onset}</td><td>${r.lasted}</td><td>${r.worst}</td><td>${e(r.legs)}</td><td>${e(r.triggers.join(', '))}</td><td>${e(r.helped.join(', '))}</td></tr>`;
          const notes = r.notes ? `<tr class="notes"><td></td><td colspan="6"><i>Notes:</i> ${e(r.notes).replace(/\n/g, '<br>')}</td></tr>` : '';
          return `<tbody>${main}${notes}</tbody>`;
        })
        .join('\n')}</table>`
    : '<p>None in this period.</p>';
  // The last 4 weeks side by side: one short table instead of four rows.
  const weeks = `<table><tbody><tr><th scope="row">Week from</th>${view.weeks.map((w) => `<td class="n">${shortDate(w.start)}</td>`).join('')}</tr><tr><th scope="row">Sessions</th>${view.weeks.map((w) => `<td class="n">${w.sessions}</td>`).join('')}</tr></tbody></table>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.title}, ${view.period}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${view.title}</h1>
<p class="meta">${view.patient ? `<b>${e(view.patient)}</b>. ` : ''}Period ${view.period}. Made ${view.generated} by spasm.</p>
<div class="cols">
<section><h2>Summary</h2>${rows(view.summary)}${view.carriedOver.map((n) => `<p class="note">${e(n)}</p>`).join('')}</section>
<section><h2>Advice</h2>${advice}<h2>Red flags</h2>${redFlags}</section>
</div>
${course}
<section><h2>Pain over time</h2><p class="meta">Pain 0 to 10: a bar up to each episode's worst rating, a dot for each rating.</p>${chart}</section>
<div class="cols3">
<section><h2>What set it off</h2>${counts('Trigger', view.triggers)}</section>
<section><h2>What helped</h2>${counts('Helped', view.helped)}</section>
<section><h2>Pain spread</h2>${counts('Leg spread', view.legs)}</section>
</div>
<section><h2>Home exercises</h2><div class="cols"><div>${rows(view.routine)}${weeks}</div><div>${exercises}</div></div></section>
<section><h2>Episodes</h2>${episodes}${view.episodes.some((r) => r.recurrence) ? `<p class="meta">${view.recurrenceNote[0]!.toUpperCase()}${view.recurrenceNote.slice(1)}.</p>` : ''}</section>
</main>
</body>
</html>
`;
}
