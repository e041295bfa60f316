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

interface Measure {
  innerWidth: number;
  scrollWidth: number;
  overflowing: string[];
}

/** What the measuring script found, hidden on the page so that a PDF printed with it is the report's. */
const SCRIPT = `<script>
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
const o = document.createElement('output'); o.id = 'measure'; o.hidden = true;
o.textContent = JSON.stringify({ innerWidth: w, scrollWidth: document.documentElement.scrollWidth, overflowing: out });
document.body.append(o);
</script>`;

/**
 * One launch of Chromium for `html`: with `size`, it prints it to PDF on that paper (an extra
 * @page size); with `measure`, it lays it out at the printable width with its print styles
 * applied on screen too, and reads back what a script measured (the script is added to a test
 * copy only: the report itself carries no script). Print rules apply in print all the same,
 * so one launch can do both.
 */
async function inChromium(html: string, name: string, options: { size?: string; measure?: boolean }): Promise<{ pdf: string; measure: Measure }> {
  let page = html;
  if (options.size) page = page.replace('</head>', `<style>@page{size:${options.size}}</style>\n</head>`);
  if (options.measure) page = page.replace('@media print{', '@media all{').replace('</body>', `${SCRIPT}</body>`);
  const file = join(work, `${name}.html`);
  writeFileSync(file, page);
  const pdf = join(work, `${name}.pdf`);
  const args = [...(options.size ? ['--no-pdf-header-footer', `--print-to-pdf=${pdf}`] : []), ...(options.measure ? [`--window-size=${PRINT_WIDTH_PX},1100`, '--dump-dom'] : [])];
  const dom = await chromium([...args, pathToFileURL(file).href]);
  let measure = undefined as unknown as Measure;
  if (options.measure) {
    const found = /<output id="measure" hidden="">(.*?)<\/output>/s.exec(dom);
    if (!found) throw new Error(`the measuring script did not run; DOM: ${dom.slice(0, 500)}`);
    measure = JSON.parse(found[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Measure;
  }
  return { pdf: options.size ? readFileSync(pdf, 'latin1') : '', measure };
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
    // Three launches at once: A4 with the fixture's measure, letter, and the wide report's measure.
    const a4 = inChromium(fixtureHtml(), 'fixture-A4', { size: 'A4', measure: true });
    jobs = {
      pdf: { A4: a4.then((r) => r.pdf), letter: inChromium(fixtureHtml(), 'fixture-letter', { size: 'letter' }).then((r) => r.pdf) },
      fixture: a4.then((r) => r.measure),
      wide: inChromium(wideHtml(), 'wide-measure', { measure: true }).then((r) => r.measure),
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
