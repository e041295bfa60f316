// Argument parsing: every command module is mocked, so these tests check only
// what commander hands each command (style.md 12b).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgram } from '../src/cli.js';
import type { Deps, GlobalOptions } from '../src/deps.js';
import { UsageError } from '../src/errors.js';

const calls: { name: string; opts: unknown; positional: unknown[]; globals: GlobalOptions }[] = [];
const record = (name: string) =>
  vi.fn(async (opts: unknown, deps: Deps & { globals: GlobalOptions }, ...positional: unknown[]) => {
    calls.push({ name, opts, positional, globals: deps.globals });
  });

vi.mock('../src/commands/start.js', () => ({ start: record('start') }));
vi.mock('../src/commands/status.js', () => ({ status: record('status') }));
vi.mock('../src/commands/log.js', () => ({
  logAdd: record('log add'),
  logList: record('log list'),
  logShow: record('log show'),
  logEdit: record('log edit'),
  logEnd: record('log end'),
  logDelete: record('log delete'),
}));
vi.mock('../src/commands/checkin.js', () => ({ checkin: record('checkin') }));
vi.mock('../src/commands/report.js', () => ({ report: record('report') }));
vi.mock('../src/commands/routine.js', () => ({ routine: record('routine'), routineLog: record('routine log') }));
vi.mock('../src/commands/exercises.js', () => ({ exercisesList: record('exercises'), exercisesShow: record('exercises show') }));
vi.mock('../src/commands/timer.js', () => ({ timer: record('timer') }));
vi.mock('../src/commands/transfer.js', () => ({ exportStore: record('export'), importStore: record('import') }));
vi.mock('../src/commands/config.js', () => ({ configSet: record('config set'), configGet: record('config get'), configList: record('config list'), configUnset: record('config unset') }));

function parse(args: string[]) {
  let out = '';
  let err = '';
  const program = createProgram('1.2.3', (globals) => ({ globals }) as unknown as Deps, {
    writeOut: (s) => void (out += s),
    writeErr: (s) => void (err += s),
  });
  return program.parseAsync(args, { from: 'user' }).then(
    () => ({ error: undefined, out, err }),
    (error: { code: string; exitCode: number }) => ({ error, out, err }),
  );
}

beforeEach(() => void calls.splice(0));

describe('each command receives its options', () => {
  it.each([
    ['start', ['start'], {}, []],
    [
      'start',
      ['start', '--onset', '2h ago', '--pain', '6', '--red-flags', 'none', '--therapy', 'heat', '--new', '--hands-free'],
      { onset: '2h ago', pain: '6', redFlags: 'none', therapy: 'heat', new: true, handsFree: true },
      [],
    ],
    ['status', ['status', '--json'], { json: true }, []],
    [
      'log add',
      ['log', '--onset', 'yesterday', '--pain', '7', '--lasted', '1d12h', '--trigger', 'lifting', '--trigger', 'cold draught', '--helped', 'heat', '--legs', 'thigh', '--note', 'n', '--json'],
      { onset: 'yesterday', pain: '7', lasted: '1d12h', trigger: ['lifting', 'cold draught'], helped: ['heat'], legs: 'thigh', note: 'n', json: true },
      [],
    ],
    ['log add', ['log', 'add', '--onset', 'now', '--pain', '3', '--ongoing'], { onset: 'now', pain: '3', ongoing: true }, []],
    ['log list', ['log', 'list', '--since', '4w ago', '--json'], { since: '4w ago', json: true }, []],
    ['log show', ['log', 'show', 'e7k2q', '--json'], { json: true }, ['e7k2q']],
    ['log edit', ['log', 'edit', 'e7k', '--pain', '8'], { pain: '8' }, ['e7k']],
    ['log end', ['log', 'end'], {}, [undefined]],
    ['log end', ['log', 'end', 'e7k2q', '--at', '2h ago', '--pain', '1'], { at: '2h ago', pain: '1' }, ['e7k2q']],
    ['log delete', ['log', 'delete', 'e7k2q', '--yes'], { yes: true }, ['e7k2q']],
    ['report', ['report'], { format: 'text' }, []],
    [
      'report',
      ['report', '--since', '2026-01-01', '--until', 'now', '--format', 'html', '--output', 'r.html', '--force'],
      { since: '2026-01-01', until: 'now', format: 'html', output: 'r.html', force: true },
      [],
    ],
    [
      'routine',
      ['routine', '--hands-free', '--pain-before', '2', '--pain-after', '1', '--program', 'p.json'],
      { handsFree: true, painBefore: '2', painAfter: '1', program: 'p.json' },
      [],
    ],
    ['routine log', ['routine', 'log', '--json'], { json: true }, []],
    ['exercises', ['exercises', '--json'], { json: true }, []],
    ['exercises show', ['exercises', 'show', 'pelvic-tilt'], {}, ['pelvic-tilt']],
    ['timer', ['timer', 'cold'], {}, ['cold']],
    ['timer', ['timer', 'breathe', '--minutes', '5'], { minutes: '5' }, ['breathe']],
    ['timer', ['timer', 'breathe', '--pace', 'box'], { pace: 'box' }, ['breathe']],
    ['timer', ['timer', 'cold', '--stay', '--sessions', '2', '--hands-free', '--voice'], { stay: true, sessions: '2', handsFree: true, voice: true }, ['cold']],
    ['timer', ['timer', 'heat', '--no-voice'], { voice: false }, ['heat']],
    ['start', ['start', '--voice'], { voice: true }, []],
    ['routine', ['routine', '--no-voice'], { voice: false }, []],
    ['export', ['export', '--output', 'b.json', '--force'], { output: 'b.json', force: true }, []],
    ['import', ['import', 'b.json'], {}, ['b.json']],
    ['config set', ['config', 'set', 'program', 'p.json'], {}, ['program', 'p.json']],
    ['config get', ['config', 'get'], {}, [undefined]],
    ['config unset', ['config', 'unset', 'program'], {}, ['program']],
    ['config list', ['config', 'list', '--json'], { json: true }, []],
    [
      'checkin',
      ['checkin', '--pain', '3', '--activity', 'walking=4', '--activity', 'sitting=2', '--medicine', 'ibuprofen', '--slept-badly', '--missed-work', '--note', 'n', '--at', '1h ago', '--settled', '--json'],
      { pain: '3', activity: ['walking=4', 'sitting=2'], medicine: ['ibuprofen'], sleptBadly: true, missedWork: true, note: 'n', at: '1h ago', settled: true, json: true },
      [],
    ],
  ])('%s %j', async (name, args, opts, positional) => {
    const result = await parse(args as string[]);
    expect(result.error).toBeUndefined();
    expect(calls).toEqual([expect.objectContaining({ name, opts, positional })]);
  });
});

describe('global options, anywhere on the line', () => {
  it.each([
    [['--data-dir', '/tmp/x', 'status'], { dataDir: '/tmp/x', color: true }],
    [['status', '--data-dir', '/tmp/x', '--no-color', '--debug'], { dataDir: '/tmp/x', color: false, debug: true }],
    [['log', 'list', '--no-color'], { color: false }],
  ])('%j', async (args, globals) => {
    await parse(args);
    expect(calls[0]!.globals).toMatchObject(globals);
  });
});

describe('commander errors are usage errors with one spasm line', () => {
  it.each([
    [['bogus'], "spasm: unknown command 'bogus'"],
    [['status', '--bogus'], "spasm: unknown option '--bogus'"],
    [['start', '--pain'], "spasm: option '--pain <0-10>' argument missing"],
  ])('%j', async (args, line) => {
    const result = await parse(args);
    expect(result.error?.code).toMatch(/^commander\./);
    expect(result.err.split('\n')[0]).toBe(line);
    expect(calls).toEqual([]);
  });
});

describe('refusals commander would not make, as usage errors naming what is allowed', () => {
  it.each([
    [['timer'], 'timer needs <kind>: cold, heat or breathe'],
    [['log', 'show'], 'log show needs <id>: episode id, or a unique start of it'],
    [['import'], 'import needs <file>: a file written by spasm export'],
    [['log', '--pain', '4', '--pain', '5'], '--pain was given twice ("4", then "5")'],
    [['report', '--format', 'csv', '--format', 'json'], '--format was given twice ("csv", then "json")'],
    [['--data-dir', 'a', 'status', '--data-dir', 'b'], '--data-dir was given twice ("a", then "b")'],
    [['start', '--pain', '4', '--pain', '5\nspasm: fake'], '--pain was given twice ("4", then "5\\nspasm: fake")'],
  ])('%j', async (args, message) => {
    const result = await parse(args);
    expect(result.error).toBeInstanceOf(UsageError);
    expect((result.error as unknown as UsageError).message).toBe(message);
    expect(calls).toEqual([]);
  });

  it('a repeatable option stays repeatable', async () => {
    await parse(['log', '--trigger', 'a', '--trigger', 'b']);
    expect(calls[0]!.opts).toMatchObject({ trigger: ['a', 'b'] });
  });
});

describe('help and version', () => {
  it('prints the version', async () => {
    const result = await parse(['--version']);
    expect(result.error?.code).toBe('commander.version');
    expect(result.out).toBe('1.2.3\n');
  });

  it('lists every command with examples', async () => {
    const result = await parse(['--help']);
    expect(result.error?.code).toBe('commander.helpDisplayed');
    for (const name of ['start', 'status', 'checkin', 'log', 'report', 'routine', 'exercises', 'timer', 'export', 'import', 'config']) {
      expect(result.out).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    expect(result.out).toContain('Examples:');
  });

  it('start --help lists every red-flag id of data/red-flags.json, grouped by tier, in order', async () => {
    const result = await parse(['start', '--help']);
    const { loadRedFlags } = await import('../src/data/index.js');
    const flags = loadRedFlags().flags;
    const listed = (label: string) => {
      const block = result.out.split(label)[1]!.split(/\n {2}\S/)[0]!;
      return block.split(/[\s,]+/).filter(Boolean);
    };
    expect(listed('get help now:')).toEqual(flags.filter((f) => f.tier === 'emergency').map((f) => f.id));
    expect(listed('see someone today:')).toEqual(flags.filter((f) => f.tier === 'same-day').map((f) => f.id));
    expect(result.out).not.toContain('…');
  });

  it.each([['start'], ['status'], ['checkin'], ['log'], ['log', 'add'], ['report'], ['routine'], ['timer'], ['export'], ['import'], ['exercises', 'show'], ['config', 'set']])(
    '%j --help shows an example',
    async (...args) => {
      const result = await parse([...args, '--help']);
      expect(result.out).toMatch(/Examples?:\n {2}\$ spasm /);
    },
  );
});
