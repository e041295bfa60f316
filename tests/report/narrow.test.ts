// The text report on a 60-column terminal: every line fits and wraps at words.
import { describe, expect, it } from 'vitest';
import { report } from '../../src/commands/report.js';
import { loadProtocol } from '../../src/data/index.js';
import { fakeDeps, tempDataDir } from '../helpers/fake-deps.js';
import { FIXTURE_NOW, writeStore } from './fixture.js';

describe('spasm report --format text at 60 columns', () => {
  it('no line is wider than 60 and sentences are whole words', async () => {
    const dataDir = tempDataDir();
    writeStore(dataDir);
    const f = fakeDeps({ now: FIXTURE_NOW, dataDir, columns: 60 });
    f.deps.io.stdoutIsTTY = true;
    await report({}, f.deps);
    const out = f.stdout();
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
    const flat = out.replace(/\n +/g, ' ');
    expect(flat).toContain(loadProtocol().advice['see-pt-recurring'].text);
    expect(flat).toContain('0 = unable, 10 = as before; a change of 3 for one activity, 2 for the mean, is important (PSFS).');
  });

  it('into a pipe it stays 80 columns, the golden bytes', async () => {
    const dataDir = tempDataDir();
    writeStore(dataDir);
    const f = fakeDeps({ now: FIXTURE_NOW, dataDir, columns: 60 });
    await report({}, f.deps);
    expect(Math.max(...f.stdout().split('\n').map((l) => [...l].length))).toBeGreaterThan(60);
  });
});
