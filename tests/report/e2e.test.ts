// spasm report through the built binary (npm test builds dist/ first). Every
// format against its golden file, --output and the refusals run in process
// (golden.test.ts, tests/commands/report.test.ts and bad-input.test.ts).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { FIXTURE_NOW, writeStore } from './fixture.js';

const GOLDEN = { text: 'report.txt', json: 'report.json' } as const;
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

  it('--format text: byte-identical on two runs, and equal to the golden file', () => {
    const first = runSpasm(['report'], { dataDir, env });
    const second = runSpasm(['report', '--format', 'text'], { dataDir, env });
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(golden(GOLDEN.text));
  });
});
