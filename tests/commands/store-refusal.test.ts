// A store spasm cannot use (SPEC.md section 4), through the whole command
// line in process: every command that reads or writes it exits 3 naming the
// file, prints nothing on stdout and leaves the file byte for byte.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyStore } from '../../src/core/records.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { episode, exportFile } from '../helpers/records.js';
import { fakeDeps, runInProcess } from '../helpers/run-in-process.js';

const NOW = '2026-11-27T10:00:00+01:00';

/** A data dir whose store holds `content` as given. */
function storeWith(content: string): { dir: string; file: string } {
  const dir = tempDataDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'spasm.json'), content);
  return { dir, file: join(dir, 'spasm.json') };
}

const COMMANDS = [
  ['status'],
  ['status', '--json'],
  ['export'],
  ['import', 'FILE'],
  ['timer', 'cold', '--minutes', '1'],
  ['log', '--onset', 'now', '--pain', '3'],
  ['log', 'list'],
  ['log', 'list', '--json'],
  ['log', 'show', 'eabcd'],
  ['log', 'edit', 'eabcd', '--pain', '3'],
  ['log', 'end'],
  ['log', 'delete', 'eabcd', '--yes'],
];

describe('a store spasm cannot use is refused (exit 3) and left byte for byte', () => {
  it.each([
    ['corrupt', '{"schemaVersion":1,"episodes":[{"id":"eabcd"', 'is not valid JSON'],
    ['newer', JSON.stringify({ ...emptyStore(), schemaVersion: 99 }), 'newer spasm'],
    ['damaged', JSON.stringify({ ...emptyStore(), episodes: 'x' }), 'is damaged'],
  ])('%s', async (_name, content, reason) => {
    const { dir, file } = storeWith(content);
    const importFile = exportFile([episode({ id: 'eaaaa', onset: NOW })]);
    for (const args of COMMANDS) {
      const r = await runInProcess(args.map((a) => (a === 'FILE' ? importFile : a)), fakeDeps({ now: NOW, dataDir: dir }));
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain(reason);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });

  it('--debug adds the stack trace', async () => {
    const { dir } = storeWith('{broken');
    expect((await runInProcess(['status', '--debug'], fakeDeps({ now: NOW, dataDir: dir }))).stderr).toMatch(/\n\s+at /);
  });

  it('a data directory that cannot be made is exit 3', async () => {
    const file = exportFile([episode({ id: 'eaaaa', onset: NOW })]);
    // Under a regular file: ENOTDIR for anyone, root included.
    const r = await runInProcess(['import', file], fakeDeps({ now: NOW, dataDir: join(file, 'data') }));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^spasm: cannot create the data directory .*export\.json\/data: ENOTDIR/);
  });
});
