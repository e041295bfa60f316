import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report, type ReportOptions } from '../../src/commands/report.js';
import { UsageError } from '../../src/errors.js';
import { fakeDeps, tempDataDir } from '../helpers/fake-deps.js';
import { FIXTURE_NOW, writeStore } from '../report/fixture.js';

function setup() {
  const dataDir = tempDataDir();
  writeStore(dataDir);
  return fakeDeps({ now: FIXTURE_NOW, dataDir });
}

async function json(opts: ReportOptions) {
  const f = setup();
  await report({ ...opts, format: 'json' }, f.deps);
  return JSON.parse(f.stdout());
}

describe('spasm report (command)', () => {
  it('defaults to the last 365 days up to now', async () => {
    expect((await json({})).period).toEqual({ since: '2025-11-27T10:00:00+01:00', until: '2026-11-27T10:00:00+01:00' });
  });

  it('--until alone: the 365 days before it', async () => {
    const r = await json({ until: '2026-06-01' });
    expect(r.period).toEqual({ since: '2025-06-01T00:00:00+02:00', until: '2026-06-01T00:00:00+02:00' });
    expect(r.episodes.map((e: { id: string }) => e.id)).toEqual(['e7past', 'e2abc', 'e3def', 'e4ghj']);
  });

  it('--since and --until select episodes by onset', async () => {
    const r = await json({ since: '2026-02-01', until: '2026-09-03T08:15' });
    expect(r.episodes.map((e: { id: string }) => e.id)).toEqual(['e3def', 'e4ghj', 'e5kmn']);
    expect(r.summary.recurrences).toBe(2);
  });

  it.each([
    [{ format: 'pdf' }, '--format must be one of text, markdown, html, json, csv (got "pdf")'],
    [{ since: 'soon' }, '--since "soon" is not a time I can read'],
    [{ until: '2027-01-01' }, '--until "2027-01-01" is in the future'],
    [{ since: '2026-11-01', until: '2026-10-01' }, '--since 2026-11-01T00:00:00+01:00 is after --until 2026-10-01T00:00:00+02:00'],
  ])('%j is refused (exit 2): %s', async (opts, message) => {
    const f = setup();
    const error = await report(opts, f.deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as Error).message).toBe(message);
    expect(f.stdout()).toBe('');
  });

  it('--output writes the file (0600) and says so on stderr; stdout stays empty', async () => {
    const f = setup();
    const file = join(mkdtempSync(join(tmpdir(), 'spasm-report-')), 'r.md');
    await report({ format: 'markdown', output: file }, f.deps);
    expect(f.stdout()).toBe('');
    expect(f.stderr()).toBe(`Report written to ${file}\n`);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Back spasm report/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('--output refuses to overwrite without --force, and replaces with it', async () => {
    const f = setup();
    const file = join(mkdtempSync(join(tmpdir(), 'spasm-report-')), 'r.csv');
    writeFileSync(file, 'keep me');
    const error = await report({ format: 'csv', output: file }, f.deps).catch((e: unknown) => e);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as Error).message).toBe(`--output "${file}" already exists`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    await report({ format: 'csv', output: file, force: true }, f.deps);
    expect(readFileSync(file, 'utf8')).toMatch(/^id,onset,/);
  });

  it('text written to a file has no colour even when stdout is a colour terminal', async () => {
    const f = setup();
    f.deps.io.color = true;
    const file = join(mkdtempSync(join(tmpdir(), 'spasm-report-')), 'r.txt');
    await report({ output: file }, f.deps);
    expect(readFileSync(file, 'utf8')).not.toContain('\u001b');
  });

  it('an empty store gives a report with no episodes (no store file is created)', async () => {
    const f = fakeDeps({ now: FIXTURE_NOW });
    await report({ format: 'json' }, f.deps);
    const r = JSON.parse(f.stdout());
    expect(r.summary.episodes).toBe(0);
    expect(r.episodes).toEqual([]);
    expect(existsSync(f.deps.store.file)).toBe(false);
  });
});
