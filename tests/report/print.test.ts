// The HTML report in a real browser: Debian's headless Chromium prints the
// fixture's report to PDF on A4 and on Letter (one or two pages each), and measures
// that nothing is wider than the printable width. Nothing here is skipped:
// without chromium the test FAILS, saying how to install it
// (`apt-get install -y chromium`; .ci/run installs it).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { newEpisode } from '../../src/core/records.js';
import { computeReport } from '../../src/core/report.js';
import { loadProtocol } from '../../src/data/index.js';
import { painChartSvg, renderHtml } from '../../src/ui/report/html.js';
import { reportView } from '../../src/ui/report/view.js';
import { FIXTURE_NOW } from './fixture.js';

const CHROMIUM = process.env.SPASM_CHROMIUM ?? 'chromium';
const MM = 96 / 25.4; // CSS pixels per millimetre
/** The printable width of the narrower paper (A4, 210 mm) less the report's 10 mm page margins. */
const PRINT_WIDTH_PX = Math.floor((210 - 2 * 10) * MM);

const work = mkdtempSync(join(tmpdir(), 'spasm-print-'));

/**
 * Runs chromium and resolves with what it printed. The four launches of this file run at
 * once (each is mostly start-up); a missing chromium rejects in every test that needs it,
 * so each such test FAILS (none is skipped).
 */
function chromium(args: string[]): Promise<string> {
  const profile = mkdtempSync(join(work, 'profile-'));
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];
  return new Promise((done, fail) =>
    execFile(CHROMIUM, [...flags, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && 'errno' in error && typeof error.code === 'string') fail(new Error(`cannot run ${CHROMIUM} (${error.message}). Install it: apt-get update && apt-get install -y chromium`));
      else if (error) fail(new Error(`${CHROMIUM} exited ${error.code ?? error.signal}: ${stderr}`));
      else done(stdout);
    }),
  );
}

/** Prints `html` to PDF with an extra @page size; resolves with the PDF bytes as latin1 text. */
async function printPdf(html: string, size: string, name: string): Promise<string> {
  const file = join(work, `${name}.html`);
  writeFileSync(file, html.replace('</head>', `<style>@page{size:${size}}</style>\n</head>`));
  const pdf = join(work, `${name}.pdf`);
  await chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(file).href]);
  return readFileSync(pdf, 'latin1');
}

interface Measure {
  innerWidth: number;
  scrollWidth: number;
  overflowing: string[];
}

/**
 * Lays `html` out at the printable width with its print styles applied on
 * screen, and reads back what a script measured. The script is added to a
 * test copy only: the report itself carries no script.
 */
async function measure(html: string, name: string): Promise<Measure> {
  const script = `<script>
const w = innerWidth, out = [];
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.right > w + 0.5 || r.left < -0.5) out.push(el.tagName + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' ' + (el.textContent || '').slice(0, 40));
}
// Text can spill out of a box that itself fits: measure every text node too.
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const range = document.createRange(); range.selectNodeContents(node);
  const r = range.getBoundingClientRect();
  if (r.width && (r.right > w + 0.5 || r.left < -0.5)) out.push('text ' + Math.round(r.left) + '..' + Math.round(r.right) + ' ' + node.textContent.slice(0, 40));
}
const o = document.createElement('output'); o.id = 'measure';
o.textContent = JSON.stringify({ innerWidth: w, scrollWidth: document.documentElement.scrollWidth, overflowing: out });
document.body.append(o);
</script>`;
  const file = join(work, `${name}.html`);
  writeFileSync(file, html.replace('@media print{', '@media all{').replace('</body>', `${script}</body>`));
  const dom = await chromium([`--window-size=${PRINT_WIDTH_PX},1100`, '--dump-dom', pathToFileURL(file).href]);
  const found = /<output id="measure">(.*?)<\/output>/s.exec(dom);
  if (!found) throw new Error(`the measuring script did not run; DOM: ${dom.slice(0, 500)}`);
  return JSON.parse(found[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Measure;
}

/** `/Type /Page` objects, not `/Type /Pages`. */
const pageCount = (pdf: string) => (pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
const mediaBox = (pdf: string) => /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)?.slice(1, 3).map(Number);

const fixtureHtml = () => readFileSync(new URL('./golden/report.html', import.meta.url), 'utf8');

/** A report built to stress widths: long unbroken words everywhere user text goes. */
function wideHtml(): string {
  const now = new Date(FIXTURE_NOW);
  const long = `${'Unbrokenwordwithoutanyspace'.repeat(6)} https://example.org/${'path/'.repeat(30)}`;
  const episodes = [0, 1, 2].map((i) => {
    const e = newEpisode(`e${'abc'[i]}wide`, new Date(now.getTime() - (100 - i * 30) * 86_400_000).toISOString().replace('.000Z', '+00:00'), 'log');
    return { ...e, peakPain: 6, triggers: [long], helped: [long], notes: long, legs: 'below-knee' as const, redFlags: { at: e.onset, positive: [long], tier: 'same-day' as const } };
  });
  const report = computeReport({ episodes, routineSessions: [] }, new Date(now.getTime() - 365 * 86_400_000), now, now, loadProtocol());
  const labels = { triggers: new Map(), helped: new Map(), legs: new Map(), redFlags: new Map(), tiers: new Map() };
  return renderHtml(reportView(report, labels, 1), painChartSvg(report.pain, report.since, report.until));
}

describe('the HTML report in headless Chromium', () => {
  let jobs: { pdf: Record<string, Promise<string>>; fixture: Promise<Measure>; wide: Promise<Measure> };
  beforeAll(() => {
    jobs = {
      pdf: { A4: printPdf(fixtureHtml(), 'A4', 'fixture-A4'), letter: printPdf(fixtureHtml(), 'letter', 'fixture-letter') },
      fixture: measure(fixtureHtml(), 'fixture-measure'),
      wide: measure(wideHtml(), 'wide-measure'),
    };
    // Each test awaits its own job, and fails with its error.
    for (const job of [...Object.values(jobs.pdf), jobs.fixture, jobs.wide]) job.catch(() => undefined);
  });

  it.each([
    ['A4', [595, 842]],
    ['letter', [612, 792]],
  ])('the five-episode fixture (a year, with a course of check-ins) prints on one or two %s pages', async (size, [width, height]) => {
    const pdf = await jobs.pdf[size as string]!;
    const [w, h] = mediaBox(pdf) ?? [];
    expect(Math.round(w!), 'page width in points').toBe(width);
    expect(Math.round(h!), 'page height in points').toBe(height);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
  }, 60_000);

  it(`nothing in the fixture's report is wider than the printable width (${PRINT_WIDTH_PX} px)`, async () => {
    const m = await jobs.fixture;
    expect(m.innerWidth).toBe(PRINT_WIDTH_PX);
    expect(m.overflowing).toEqual([]);
    expect(m.scrollWidth).toBeLessThanOrEqual(m.innerWidth);
  }, 60_000);

  it('long unbroken user text wraps inside the page too', async () => {
    const m = await jobs.wide;
    expect(m.overflowing).toEqual([]);
    expect(m.scrollWidth).toBeLessThanOrEqual(m.innerWidth);
  }, 60_000);
});
