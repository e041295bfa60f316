// Safety of user text in every format, and the shapes each format promises.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { newEpisode, type Episode } from '../../src/core/records.js';
import { computeReport, type Report } from '../../src/core/report.js';
import { loadProtocol } from '../../src/data/index.js';
import { CSV_HEADER, csvCell, renderCsv } from '../../src/ui/report/csv.js';
import { escapeHtml, painChartSvg, renderHtml } from '../../src/ui/report/html.js';
import { renderJson } from '../../src/ui/report/json.js';
import { markdownText, renderMarkdown } from '../../src/ui/report/markdown.js';
import { renderText, sparkline, TEXT_SLICES } from '../../src/ui/report/text.js';
import { reportView, type ReportLabels } from '../../src/ui/report/view.js';
import { FIXTURE_NOW, fixtureStore } from './fixture.js';

const NOW = new Date(FIXTURE_NOW);
const SINCE = new Date('2025-11-27T10:00:00+01:00');
const labels: ReportLabels = { triggers: new Map(), helped: new Map(), legs: new Map(), redFlags: new Map(), tiers: new Map() };

const HOSTILE = [
  '=cmd|" /C calc"!A0',
  '| broken | table |',
  '<img src=x onerror=alert(1)> & "quotes" \'single\'',
  '\u001b[2J\u001b]0;title\u0007 erased?',
  'csi \u009b31m c1',
  'line one\nline two\r\nline three\rfour',
  '*bold* _em_ `code` [link](http://example.com) ~~strike~~ \\',
  `${'x'.repeat(120)} a long word`,
  '\tTab first',
  '-1+2',
  '@SUM(A1)',
  '+plus',
];

function hostileEpisode(i: number, text: string): Episode {
  const onset = new Date(NOW.getTime() - (300 - i * 20) * 86_400_000);
  const e = newEpisode(`e${'abcdefghjkmnpqrs'[i]}zzz`, onset.toISOString().replace('.000Z', '+00:00'), 'log');
  return { ...e, endedAt: null, peakPain: 4, pain: [{ at: e.onset, score: 4 }], triggers: [text], helped: [text, 'heat'], legs: 'thigh', notes: text };
}

function hostileReport(): Report {
  const doc = { episodes: HOSTILE.map((text, i) => hostileEpisode(i, text)), routineSessions: [] };
  return computeReport(doc, SINCE, NOW, NOW, loadProtocol());
}

describe('text', () => {
  const r = hostileReport();
  const out = renderText(reportView(r, labels, TEXT_SLICES), false);

  it('carries no control character but newline, and no escape sequence', () => {
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('␛[2J');
  });

  it.each([false, true])('fits 80 columns (colour %s)', (color) => {
    const lines = stripVTControlCharacters(renderText(reportView(r, labels, TEXT_SLICES), color)).split('\n');
    const wide = lines.filter((l) => [...l].length > 80);
    expect(wide).toEqual([]);
  });

  it('colour codes only when asked', () => {
    expect(out).not.toContain('\u001b[');
    expect(renderText(reportView(r, labels, TEXT_SLICES), true)).toContain('\u001b[');
  });

  it('sparkline: a dot where nothing was recorded, higher blocks for more pain', () => {
    expect(sparkline([null, 0, 5, 10])).toBe('·▁▅█');
  });

  it('an empty store still renders every section', () => {
    const empty = renderText(reportView(computeReport({ episodes: [], routineSessions: [] }, SINCE, NOW, NOW, loadProtocol()), labels, TEXT_SLICES), false);
    for (const heading of ['SUMMARY', 'PAIN OVER TIME', 'ADVICE', 'RED FLAGS', 'WHAT SET IT OFF', 'WHAT HELPED', 'HOME EXERCISES', 'EPISODES']) expect(empty).toContain(heading);
    expect(empty).toContain('none in this period');
    expect(empty).not.toMatch(/NaN|undefined|Infinity|null/);
  });
});

describe('markdown', () => {
  const out = renderMarkdown(reportView(hostileReport(), labels, TEXT_SLICES));

  it('every table row has as many cells as its header: user text cannot add a column', () => {
    const lines = out.split('\n');
    const cells = (line: string) => line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
    let header = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) header = 0;
      else if (header === 0) header = cells(line);
      else expect(cells(line), line).toBe(header);
    }
  });

  it('no raw HTML, no link, no control character from user text', () => {
    expect(out).not.toContain('<img');
    expect(out).not.toMatch(/(?<!\\)\]\(/);
    expect(out).toContain('\\[link\\](http');
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it.each([
    ['a | b', 'a \\| b'],
    ['<b>&', '&lt;b&gt;&amp;'],
    ['two\nlines', 'two<br>lines'],
    ['*x* _y_ `z` [l] ~s~ \\', '\\*x\\* \\_y\\_ \\`z\\` \\[l\\] \\~s\\~ \\\\'],
    ['\u001b[31m', '␛\\[31m'],
  ])('markdownText(%j) = %j', (input, expected) => {
    expect(markdownText(input)).toBe(expected);
  });
});

describe('html', () => {
  const r = hostileReport();
  const out = renderHtml(reportView(r, labels, 1), painChartSvg(r.pain, r.since, r.until));

  it('is self-contained: no script, no outside resource (in the markup; user text is only text)', () => {
    const tags = out.match(/<[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<\/?(script|link|img|iframe|object|embed|base|image|use|foreignObject)\b/i);
      expect(tag).not.toMatch(/\s(src|href|srcset|action|xlink:href)=|https?:|url\(|\son[a-z]+=/i);
    }
    const style = /<style>([^<]*)<\/style>/.exec(out)![1]!;
    expect(style).not.toMatch(/url\(|@import|@font-face/i);
    expect(out.match(/<style>/g)).toHaveLength(1);
  });

  it('escapes all user text', () => {
    expect(out).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34; &#39;single&#39;');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it.each([
    ['<a href="x">', '&#60;a href=&#34;x&#34;&#62;'],
    ["'&'", '&#39;&#38;&#39;'],
    ['\u001b[31m\u0007', '\\x1b[31m\\x07'],
  ])('escapeHtml(%j) = %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('prints without colour: only black, white and greys', () => {
    const colours = out.match(/#[0-9a-f]{3,6}\b/gi) ?? [];
    for (const c of colours) {
      const hex = c.length === 4 ? [...c.slice(1)].map((d) => d + d).join('') : c.slice(1);
      expect(new Set([hex.slice(0, 2), hex.slice(2, 4), hex.slice(4, 6)]).size, c).toBe(1);
    }
  });

  it('draws a stem per episode and a dot per pain rating', () => {
    const svg = painChartSvg(r.pain, r.since, r.until);
    expect(svg.match(/<circle /g)).toHaveLength(r.pain.length);
    expect(svg.match(/stroke-width="2"/g)).toHaveLength(HOSTILE.length);
  });
});

describe('json', () => {
  it('parses back to the report, with DEL/C1 controls escaped so a terminal shows them as text', () => {
    const r = hostileReport();
    const out = renderJson(r.json);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(out).toContain('\\u009b');
    expect(JSON.parse(out)).toEqual(r.json);
    expect(out.endsWith('}\n')).toBe(true);
  });

  it('has exactly the keys of SPEC.md section 4', () => {
    const json = computeReport(fixtureStore(), SINCE, NOW, NOW, loadProtocol()).json;
    expect(Object.keys(json)).toEqual(['generatedAt', 'patient', 'period', 'summary', 'triggers', 'helped', 'legs', 'redFlags', 'routine', 'course', 'advice', 'episodes']);
    expect(Object.keys(json.patient)).toEqual(['name']);
    expect(Object.keys(json.course!)).toEqual(['episodeId', 'pain', 'function', 'psfsMean', 'medicines', 'nightsSleptBadly', 'daysMissedWork']);
    expect(Object.keys(json.course!.pain)).toEqual(['first', 'best', 'worst', 'latest']);
    for (const f of json.course!.function) expect(Object.keys(f)).toEqual(['activity', 'first', 'latest', 'change', 'important']);
    expect(Object.keys(json.course!.psfsMean!)).toEqual(['first', 'latest', 'change', 'important']);
    for (const x of json.routine.exercises) expect(Object.keys(x)).toEqual(['id', 'done', 'skipped', 'stopped']);
    expect(Object.keys(json.summary)).toEqual(['episodes', 'recurrences', 'firstOnset', 'lastOnset', 'medianDaysBetween', 'meanPeakPain', 'maxPeakPain', 'medianDurationDays', 'ongoing']);
    expect(Object.keys(json.routine)).toEqual(['sessions', 'activeDays', 'streakDays', 'weeks', 'exercises', 'meanPainBefore', 'meanPainAfter']);
    expect(Object.keys(json.legs)).toEqual(['none', 'buttock', 'thigh', 'below-knee']);
  });
});

/** A strict RFC 4180 reader: fields, quoted fields with "" inside, CRLF record ends. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  return rows;
}

describe('csv', () => {
  const r = hostileReport();
  const out = renderCsv(r.json.episodes);
  const rows = parseCsv(out);

  it('is RFC 4180: the SPEC header, one record per episode, 9 fields each, CRLF line ends', () => {
    expect(out.startsWith('id,onset,ended,duration_days,peak_pain,triggers,helped,legs,notes\r\n')).toBe(true);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(HOSTILE.length + 1);
    for (const row of rows) expect(row).toHaveLength(9);
    // parseCsv accepts only CRLF after a row; every other line break is inside a quoted cell.
    expect(out.endsWith('"\r\n') || out.endsWith('\r\n')).toBe(true);
    expect(out.split(/\r\n(?=e[2-9a-hjkmnp-z]{4,8},|$)/).length).toBe(HOSTILE.length + 2);
  });

  it('makes every cell a spreadsheet would run as a formula inert', () => {
    for (const row of rows.slice(1)) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]|^ +[=+\-@]/);
    const notes = rows.slice(1).map((row) => row[8]);
    expect(notes).toContain(`'=cmd|" /C calc"!A0`);
    expect(notes).toContain("'\tTab first");
    expect(notes).toContain("'-1+2");
    expect(notes).toContain("'@SUM(A1)");
    expect(notes).toContain("'+plus");
  });

  it('joins lists with "; " and keeps line breaks in a quoted cell', () => {
    const row = rows.find((x) => x[8]!.startsWith('line one'))!;
    // Exactly as written: LF, CRLF and CR each stay what they were (SPEC.md section 4).
    expect(row[8]).toBe('line one\nline two\r\nline three\rfour');
    expect(row[6]).toBe('line one\nline two\r\nline three\rfour; heat');
    expect(row).toEqual(expect.arrayContaining(['thigh', '4', '']));
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['  =1+1', "'  =1+1"],
    ['-', "'-"],
    ['\rx', `"'\rx"`],
    ['x-1', 'x-1'],
  ])('csvCell(%j) = %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('an empty period is the header alone', () => {
    expect(renderCsv([])).toBe(`${CSV_HEADER.join(',')}\r\n`);
  });
});

describe('every readable format', () => {
  const since = new Date('2026-11-26T00:00:00+01:00');
  const straddling = computeReport(fixtureStore(), since, NOW, NOW, loadProtocol());
  const empty = computeReport({ episodes: [], routineSessions: [] }, SINCE, NOW, NOW, loadProtocol());
  const renders = (r: Report) => [
    renderText(reportView(r, labels, TEXT_SLICES), false),
    renderMarkdown(reportView(r, labels, TEXT_SLICES)),
    renderHtml(reportView(r, labels, 1), painChartSvg(r.pain, r.since, r.until)),
  ];

  it('notes an episode that began before --since and went on into the period', () => {
    expect(straddling.json.summary.episodes).toBe(0);
    for (const out of renders(straddling)) expect(out.replace(/\s+/g, ' ')).toContain('Episode e6npq began before this period (2026-11-25 08:00) and was still going on; it is not counted above.');
  });

  it('shows no NaN, undefined, null or Infinity, with data or without', () => {
    for (const out of [...renders(empty), ...renders(straddling), ...renders(hostileReport())]) expect(out).not.toMatch(/NaN|undefined|Infinity|\bnull\b/);
  });
});
