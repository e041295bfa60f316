// spasm report through the built binary (npm test builds dist/ first).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { FIXTURE_NOW, writeStore } from './fixture.js';

const GOLDEN = { text: 'report.txt', markdown: 'report.md', html: 'report.html', json: 'report.json', csv: 'report.csv' } as const;
const golden = (file: string) => readFileSync(new URL(`./golden/${file}`, import.meta.url), 'utf8');

let dataDir: string;
const env = { SPASM_NOW: FIXTURE_NOW, TZ: 'Europe/Berlin' };
beforeAll(() => {
  dataDir = tempDataDir();
  writeStore(dataDir);
});

describe('spasm report (built binary)', () => {
  it('--format json with SPASM_NOW: the SPEC shape, exactly the golden bytes', () => {
    const r = runSpasm(['report', '--format', 'json'], { dataDir, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden(GOLDEN.json));
    const json = JSON.parse(r.stdout);
    expect(json.generatedAt).toBe('2026-11-27T10:00:00+01:00');
    expect(json.summary.episodes).toBe(5);
  });

  it.each(Object.entries(GOLDEN))('--format %s: byte-identical on two runs, and equal to the golden file', (format, file) => {
    const first = runSpasm(['report', '--format', format], { dataDir, env });
    const second = runSpasm(['report', '--format', format], { dataDir, env });
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(golden(file));
  });

  it('--output refuses to overwrite an existing file without --force (exit 2), replaces it with --force', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spasm-e2e-')), 'report.html');
    writeFileSync(file, 'precious');
    const refused = runSpasm(['report', '--format', 'html', '--output', file], { dataDir, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`spasm: --output "${file}" already exists\nadd --force to replace it, or choose another name\n`);
    expect(refused.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    const forced = runSpasm(['report', '--format', 'html', '--output', file, '--force'], { dataDir, env });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(golden(GOLDEN.html));
  });

  it.each([
    [['--format', 'pdf'], 'spasm: --format must be one of text, markdown, html, json, csv (got "pdf")'],
    [['--since', 'last week'], 'spasm: --since "last week" is not a time I can read'],
    [['--until', '2099-01-01'], 'spasm: --until "2099-01-01" is in the future'],
    [['--since', '2026-06-01', '--until', '2026-05-01'], 'spasm: --since 2026-06-01T00:00:00+02:00 is after --until 2026-05-01T00:00:00+02:00'],
    [['--colour'], "spasm: unknown option '--colour'"],
  ])('%j: exit 2 with one line naming the flag, nothing on stdout', (args, message) => {
    const r = runSpasm(['report', ...args], { dataDir, env });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stdout).toBe('');
  });
});
