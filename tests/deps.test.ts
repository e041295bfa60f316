// What createDeps reads from the environment and the global options, through
// the whole command line in process (the end-to-end runs keep one check each).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from './helpers/fake-deps.js';
import { episode, exportFile } from './helpers/records.js';
import { runWithEnv } from './helpers/run-in-process.js';

const NOW = '2026-11-27T10:00:00+01:00';

const sameDay = () => exportFile([episode({ id: 'eaaaa', onset: NOW, redFlags: { at: NOW, positive: ['fever'], tier: 'same-day' } })]);

describe('the clock from the environment', () => {
  it.each([
    ['SPASM_NOW', 'yesterday-ish', 'spasm: SPASM_NOW "yesterday-ish" is not an ISO 8601 date-time'],
    ['SPASM_TIME_SCALE', '0', 'spasm: SPASM_TIME_SCALE "0" must be a number greater than 0, up to 1000000'],
    ['SPASM_TIME_SCALE', 'fast', 'spasm: SPASM_TIME_SCALE "fast" must be a number greater than 0, up to 1000000'],
  ])('invalid %s=%s → exit 2', async (name, value, line) => {
    const r = await runWithEnv(['status'], { SPASM_DATA_DIR: tempDataDir(), [name]: value });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(line);
    expect(r.stdout).toBe('');
  });
});

describe('colour', () => {
  const dir = tempDataDir();
  const status = async (env: Record<string, string>, options: { tty?: boolean; args?: string[] } = {}) => {
    if (!existsSync(dir)) expect((await runWithEnv(['import', sameDay()], { SPASM_DATA_DIR: dir })).code).toBe(0);
    const r = await runWithEnv(['status', ...(options.args ?? [])], { SPASM_DATA_DIR: dir, SPASM_NOW: NOW, ...env }, options);
    expect(r.code).toBe(0);
    return r.stdout;
  };
  it('FORCE_COLOR=1 colours even in a pipe; --no-color and NO_COLOR win over it', async () => {
    expect(await status({ FORCE_COLOR: '1' })).toContain('\u001b[');
    expect(await status({ FORCE_COLOR: '1' }, { args: ['--no-color'] })).not.toContain('\u001b[');
    expect(await status({ FORCE_COLOR: '1', NO_COLOR: '1' })).not.toContain('\u001b[');
  });
  it('by default: colour on a terminal, none in a pipe or on TERM=dumb', async () => {
    expect(await status({}, { tty: true })).toContain('\u001b[');
    expect(await status({})).not.toContain('\u001b[');
    expect(await status({ TERM: 'dumb' }, { tty: true })).not.toContain('\u001b[');
  });
});

describe('the data directory', () => {
  it('--data-dir wins over SPASM_DATA_DIR', async () => {
    const flagDir = tempDataDir();
    const envDir = tempDataDir();
    expect((await runWithEnv(['import', sameDay(), '--data-dir', flagDir], { SPASM_DATA_DIR: envDir })).code).toBe(0);
    expect(JSON.parse(readFileSync(join(flagDir, 'spasm.json'), 'utf8')).episodes).toHaveLength(1);
    expect(existsSync(envDir)).toBe(false);
  });

  it('a global option before the command runs it the same', async () => {
    const dir = tempDataDir();
    const env = { SPASM_NOW: NOW };
    const first = await runWithEnv(['--data-dir', dir, 'log', '--onset', '2h ago', '--pain', '5', '--lasted', '1h', '--json'], env);
    expect(first.code).toBe(0);
    const id = (JSON.parse(first.stdout) as { id: string }).id;
    const after = await runWithEnv(['log', 'show', id, '--json', '--data-dir', dir], env);
    expect(after).toEqual(first);
  });
});
