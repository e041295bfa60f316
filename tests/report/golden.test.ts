// Golden files: the fixture's report in every format, compared byte for byte.
// They were generated once (UPDATE_GOLDEN=1 npx vitest run tests/report/golden.test.ts),
// read by a person, and are kept as fixtures: a change in them is a change in
// what the therapist gets, to be reviewed in the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { report } from '../../src/commands/report.js';
import { fakeDeps, tempDataDir } from '../helpers/fake-deps.js';
import { FIXTURE_NOW, writeStore } from './fixture.js';

export const GOLDEN = { text: 'report.txt', markdown: 'report.md', html: 'report.html', json: 'report.json', csv: 'report.csv' } as const;
const goldenPath = (file: string) => new URL(`./golden/${file}`, import.meta.url);

async function render(format: string, color = false): Promise<string> {
  const dataDir = tempDataDir();
  writeStore(dataDir);
  const f = fakeDeps({ now: FIXTURE_NOW, dataDir });
  f.deps.io.color = color;
  await report({ format }, f.deps);
  expect(f.stderr()).toBe('');
  return f.stdout();
}

describe('golden files', () => {
  it.each(Object.entries(GOLDEN))('%s matches golden/%s byte for byte', async (format, file) => {
    const out = await render(format);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(goldenPath(file), out);
    expect(existsSync(goldenPath(file)), `golden/${file} is missing`).toBe(true);
    expect(out).toBe(readFileSync(goldenPath(file), 'utf8'));
  });

  it('text with colour is the golden text plus colour codes, nothing else', async () => {
    const out = await render('text', true);
    expect(out).toMatch(/\u001b\[1m/);
    expect(stripVTControlCharacters(out)).toBe(readFileSync(goldenPath(GOLDEN.text), 'utf8'));
  });
});
