// Every command's bad inputs (SPEC.md section 3), run in process through the
// real command line: exit 2 (or 3), one "spasm: …" line naming the flag or
// field and what is allowed (plus hint lines), nothing on stdout, no stack
// trace, and the store byte for byte as before. Then the echo table: every
// command that names a value or a file shows it inert.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { episode } from '../helpers/records.js';
import { fakeDeps, runInProcess } from '../helpers/run-in-process.js';

const NOW = '2026-11-27T10:00:00+01:00';
const files = mkdtempSync(join(tmpdir(), 'spasm-bad-input-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(files, name);
  writeFileSync(path, content);
  return path;
};
const link = (name: string, target: string) => {
  const path = join(files, name);
  if (!existsSync(path)) symlinkSync(target, path);
  return path;
};
const exportDoc = (extra: object) => JSON.stringify({ format: 'spasm-export', schemaVersion: 1, exportedAt: NOW, episodes: [], routineSessions: [], settings: {}, retiredIds: [], ...extra });

const f = fakeDeps({ now: NOW });
let id = '';
beforeAll(async () => {
  const seeded = await runInProcess(['log', '--onset', '2026-11-25T08:00', '--pain', '6', '--ongoing', '--json'], f);
  id = JSON.parse(seeded.stdout).id;
  mkdirSync(join(files, 'dir'));
  file('exists.txt', 'old');
});

// [command line (ID: the seeded episode's id), exit code, what the first line says (a substring)]
type Row = [string[], number, string];
const rows = (): Row[] => [
  // global
  [['bogus'], 2, "unknown command 'bogus'"],
  [['status', '--bogus'], 2, "unknown option '--bogus'"],
  [['--data-dir', 'a', '--data-dir', 'b', 'status'], 2, '--data-dir was given twice'],
  [['log', '--onset', 'now', '--pain', '1', '--ongoing', '--note', 'a\ufffd'], 2, 'the value of --note is not valid UTF-8 text'],
  // start
  [['start'], 2, 'without a terminal, start needs'],
  [['start', '--pain', '11', '--red-flags', 'none', '--hands-free'], 2, '--pain must be a whole number from 0 to 10 (got "11")'],
  [['start', '--pain', 'six', '--red-flags', 'none', '--hands-free'], 2, '--pain must be a whole number from 0 to 10'],
  [['start', '--new', '--pain', '2.5', '--red-flags', 'none', '--hands-free'], 2, '--pain must be a whole number from 0 to 10 (got "2.5")'],
  [['start', '--pain', '4', '--pain', '5', '--red-flags', 'none', '--hands-free'], 2, '--pain was given twice ("4", then "5")'],
  [['start', '--new', '--onset', 'tomorrow', '--pain', '4', '--red-flags', 'none', '--hands-free'], 2, '--onset "tomorrow" is not a time I can read'],
  [['start', '--new', '--onset', '2026-11-27T12:00', '--pain', '4', '--red-flags', 'none', '--hands-free'], 2, '--onset "2026-11-27T12:00" is in the future'],
  [['start', '--new', '--onset', 'in an hour', '--pain', '4', '--red-flags', 'none', '--hands-free'], 2, '--onset "in an hour" is not a time I can read'],
  [['start', '--new', '--onset', '2026-03-29T02:30', '--pain', '4', '--red-flags', 'none', '--hands-free'], 2, 'does not exist in local time'],
  [['start', '--pain', '4', '--red-flags', 'bogus', '--hands-free'], 2, '--red-flags: unknown red-flag id "bogus"'],
  [['start', '--pain', '4', '--red-flags', 'fever,headache', '--hands-free'], 2, '--red-flags: unknown red-flag id "headache"'],
  [['start', '--pain', '4', '--red-flags', 'none,fever', '--hands-free'], 2, '--red-flags cannot combine none with red-flag ids'],
  [['start', '--pain', '4', '--red-flags', 'none', '--therapy', 'ice', '--hands-free'], 2, '--therapy must be one of cold, heat, alternate'],
  // status
  [['status', 'extra'], 2, 'too many arguments'],
  // log add
  [['log', '--pain', '5', '--lasted', '1d'], 2, '--onset'],
  [['log', '--trigger', 'lifting'], 2, 'without a terminal, log needs --onset and --pain'],
  [['log', '--onset', 'now', '--pain', '11'], 2, '--pain must be a whole number from 0 to 10 (got "11")'],
  [['log', '--onset', 'tomorrow', '--pain', '3'], 2, '--onset "tomorrow" is not a time I can read'],
  [['log', '--onset', '2026-11-28T09:00', '--pain', '3'], 2, '--onset "2026-11-28T09:00" is in the future'],
  [['log', '--onset', '2d ago', '--lasted', '1d'], 2, '--pain'],
  [['log', '--onset', '2d ago', '--pain', '5', '--lasted', '5 days'], 2, '--lasted "5 days" is not a duration: use <n>m, <n>h, <n>d or <n>w'],
  [['log', '--onset', '2d ago', '--pain', '5', '--lasted', '0h'], 2, '--lasted must be longer than zero'],
  [['log', '--onset', '2d ago', '--pain', '5', '--lasted', '1w'], 2, '--lasted would end the episode at'],
  [['log', '--onset', '2d ago', '--pain', '5', '--lasted', '1d', '--ongoing'], 2, '--lasted and --ongoing cannot go together'],
  [['log', '--onset', '2d ago', '--pain', '5', '--ongoing', '--legs', 'knee'], 2, '--legs must be one of none, buttock, thigh, below-knee'],
  [['log', '--onset', '2d ago', '--pain', '5', '--ongoing', '--note', 'x'.repeat(10_001)], 2, '--note is 10,001 characters long; at most 10,000'],
  // Characters, not bytes: 10,001 two-byte characters.
  [['log', '--onset', '2d ago', '--pain', '5', '--ongoing', '--note', 'ü'.repeat(10_001)], 2, '--note is 10,001 characters long; at most 10,000 are allowed'],
  [['log', '--onset', '2d ago', '--pain', '5', '--ongoing', '--trigger', ''], 2, '--trigger must not be empty'],
  [['log', '--onset', '2d ago', '--pain', '5', '--ongoing', '--trigger', ' '], 2, '--trigger must not be empty'],
  [['log', '--onset', '2d ago', '--pain', '5', '--ongoing', '--trigger', 'x'.repeat(201)], 2, '--trigger must be at most 200 characters'],
  [['log', '--onset', '1800-01-01', '--pain', '5', '--ongoing'], 2, 'is before 1900'],
  [['log', '--onset', '2d ago', '--onset', '3d ago', '--pain', '5', '--ongoing'], 2, '--onset was given twice'],
  // log list / show / edit / end / delete
  [['log', 'list', '--since', 'last week'], 2, '--since "last week" is not a time I can read'],
  [['log', 'show'], 2, 'log show needs <id>: episode id'],
  [['log', 'show', 'ezzzz'], 2, 'no episode with the id "ezzzz"'],
  [['log', 'show', 'e'], 2, 'is too short to pick an episode'],
  [['log', 'edit', 'ezzzz', '--pain', '3'], 2, 'no episode with the id "ezzzz"'],
  // The id is checked before the missing fields.
  [['log', 'edit', 'e'], 2, '"e" is too short to pick an episode'],
  [['log', 'edit', 'ID', '--pain', '12'], 2, '--pain must be a whole number from 0 to 10'],
  [['log', 'edit', 'ID', '--legs', 'toe'], 2, '--legs must be one of'],
  [['log', 'end', '--at', '2026-11-20T08:00'], 2, 'is not after the episode began'],
  [['log', 'end', '--at', 'in an hour'], 2, '--at "in an hour" is not a time I can read'],
  [['log', 'end', '--pain', '-1'], 2, '--pain must be a whole number from 0 to 10'],
  [['log', 'end', 'ezzzz'], 2, 'no episode with the id "ezzzz"'],
  [['log', 'delete', 'ID'], 2, '--yes'],
  [['log', 'delete', 'ezzzz', '--yes'], 2, 'no episode with the id "ezzzz"'],
  // report
  [['report', '--format', 'pdf'], 2, '--format must be one of text, markdown, html, json, csv (got "pdf")'],
  [['report', '--format', 'csv', '--format', 'json'], 2, '--format was given twice'],
  [['report', '--since', '2026-11-20', '--until', '2026-11-01'], 2, 'is after --until'],
  [['report', '--until', '2027-01-01'], 2, '--until "2027-01-01" is in the future'],
  [['report', '--since', 'last week'], 2, '--since "last week" is not a time I can read'],
  [['report', '--colour'], 2, "unknown option '--colour'"],
  [['report', '--output', join(files, 'exists.txt')], 2, 'already exists'],
  [['report', '--output', join(files, 'nowhere', 'r.txt')], 2, 'cannot write there: its directory does not exist'],
  [['report', '--output', join(files, 'dir')], 2, 'cannot write there: it is a directory'],
  // routine
  [['routine'], 2, 'without a terminal, routine needs'],
  [['routine', '--hands-free', '--pain-before', '11', '--pain-after', '1'], 2, '--pain-before must be a whole number from 0 to 10'],
  [['routine', '--hands-free', '--pain-before', '1', '--pain-after', 'x'], 2, '--pain-after must be a whole number from 0 to 10'],
  [['routine', '--hands-free', '--pain-before', '1', '--pain-after', '1', '--program', join(files, 'none.json')], 2, 'cannot read program file'],
  [['routine', '--hands-free', '--pain-before', '1', '--pain-after', '1', '--program', file('p-broken.json', '{"id": ')], 2, 'is not valid JSON: a syntax error at line 1, column 8'],
  [['routine', '--hands-free', '--pain-before', '1', '--pain-after', '1', '--program', file('p-invalid.json', '{"id": "x"}')], 2, 'is invalid'],
  [['routine', 'log', '--bogus'], 2, "unknown option '--bogus'"],
  // exercises
  [['exercises', 'show', 'handstand'], 2, 'no exercise "handstand"'],
  [['exercises', 'show'], 2, 'exercises show needs <id>'],
  // timer
  [['timer'], 2, 'timer needs <kind>: cold, heat or breathe'],
  [['timer', 'ice'], 2, '<kind> must be one of cold, heat, breathe (got "ice")'],
  [['timer', 'cold', '--minutes', '0'], 2, '--minutes must be a whole number of minutes from 1 to 20'],
  [['timer', 'heat', '--minutes', '25'], 2, '--minutes must be a whole number of minutes from 1 to 20'],
  [['timer', 'cold', '--pace', 'box'], 2, '--pace is for spasm timer breathe'],
  [['timer', 'breathe', '--pace', 'fast'], 2, '--pace must be one of'],
  [['timer', 'breathe', '--minutes', '2', '--minutes', '3'], 2, '--minutes was given twice'],
  // export / import
  [['export', '--output', join(files, 'exists.txt')], 2, 'already exists'],
  [['import'], 2, 'import needs <file>: a file written by spasm export'],
  [['import', join(files, 'none.json')], 2, 'there is no such file'],
  [['import', join(files, 'dir')], 2, 'it is a directory'],
  [['import', file('not-json.json', '\u001b]0;x\u0007 hello')], 2, 'is not valid JSON: a syntax error at line 1, column 1'],
  [['import', file('not-export.json', '{"a": 1}')], 2, 'is not a spasm export: $.format must be "spasm-export"'],
  [['import', file('newer.json', exportDoc({ schemaVersion: 99 }))], 2, 'was written by a newer spasm (schema version 99)'],
  [['import', file('no-version.json', exportDoc({ schemaVersion: 'one' }))], 2, '$.schemaVersion must be a whole number from 1'],
  [['import', file('bad-episode.json', exportDoc({ episodes: [{ id: 'nope' }] }))], 2, 'is invalid'],
  [['import', file('bad-utf8.json', Buffer.concat([Buffer.from(exportDoc({ settings: { program: '/x' } }).replace('"/x"', '"/x')), Buffer.from([0xfe]), Buffer.from('"}')]))], 2, 'is not UTF-8 text: a bad byte at line 1'],
  [['import', file('lone-surrogate.json', exportDoc({ settings: { name: 'x' } }).replace('"x"', '"\\ud800"'))], 2, 'an escape \\uD800–\\uDFFF without its pair in $.settings.name'],
  [['import', file('retired-long.json', exportDoc({ retiredIds: ['e2345', 'x'.repeat(5000)] }))], 2, 'is invalid'],
  [['import', file('retired-many.json', exportDoc({ retiredIds: Array.from({ length: 100_001 }, () => 'e2345') }))], 2, 'is invalid'],
  [['import', file('program-missing.json', exportDoc({ settings: { program: join(files, 'none.json') } }))], 2, '$.settings.program: cannot read program file'],
  [['import', file('program-relative.json', exportDoc({ settings: { program: 'mine.json' } }))], 2, '$.settings.program must be an absolute path'],
  [['import', file('program-invalid.json', exportDoc({ settings: { program: join(files, 'p-invalid.json') } }))], 2, '$.settings.program: program file'],
  // config
  [['config', 'set', 'colour', 'red'], 2, 'unknown setting "colour"'],
  [['config', 'set', 'program', join(files, 'none.json')], 2, 'cannot read program file'],
  [['config', 'set', 'program', join(files, 'p-broken.json')], 2, 'is not valid JSON: a syntax error at line 1, column 8'],
  [['config', 'set', 'program'], 2, 'config set needs <value>'],
  [['config', 'get', 'colour'], 2, 'unknown setting "colour"'],
  [['config', 'unset', 'colour'], 2, 'unknown setting "colour"'],
];

describe('bad input: exit 2, one line naming what is allowed, nothing changed', () => {
  it.each(rows().map((row, i) => [i + 1, row[0].join(' ').slice(0, 90), row] as const))('%i %s', async (_i, _name, [args, code, message]) => {
    const storeBefore = existsSync(f.deps.store.file) ? readFileSync(f.deps.store.file) : null;
    // The one row with a bad byte gives its raw bytes as /proc/self/cmdline would.
    const raw = args.some((a) => a.includes('\ufffd')) ? args.map((a) => Buffer.from(a.replace('\ufffd', '\u00ff'), 'latin1')) : undefined;
    const result = await runInProcess(args.map((a) => (a === 'ID' ? id : a)), f, raw);
    expect(result.code).toBe(code);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^spasm: /);
    expect(lines[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(result.stdout).toBe('');
    expect(existsSync(f.deps.store.file) ? readFileSync(f.deps.store.file) : null).toEqual(storeBefore);
  });

  it('covers every command', () => {
    const commands = new Set(rows().map(([args]) => args.find((a) => /^[a-z]+$/.test(a) && a !== 'a' && a !== 'b')));
    for (const name of ['start', 'status', 'log', 'report', 'routine', 'exercises', 'timer', 'export', 'import', 'config']) expect(commands).toContain(name);
  });
});

describe('whole messages through the command line', () => {
  /** Runs `args` on `g`, expecting a refusal that leaves the store byte for byte. */
  const refused = async (g: ReturnType<typeof fakeDeps>, args: string[]) => {
    const before = existsSync(g.deps.store.file) ? readFileSync(g.deps.store.file) : null;
    const result = await runInProcess(args, g);
    expect(existsSync(g.deps.store.file) ? readFileSync(g.deps.store.file) : null).toEqual(before);
    expect(result.stdout).toBe('');
    return result;
  };

  it('log end with no ongoing episode; log delete without --yes names the command to type', async () => {
    const g = fakeDeps({ now: NOW });
    const ended = JSON.parse((await runInProcess(['log', '--onset', '2026-11-01', '--pain', '6', '--lasted', '1d', '--json'], g)).stdout).id;
    const end = await refused(g, ['log', 'end', '--at', 'now']);
    expect(end.code).toBe(2);
    expect(end.stderr.split('\n')[0]).toBe('spasm: there is no ongoing episode to end');
    expect(await refused(g, ['log', 'delete', ended])).toEqual({ code: 2, stdout: '', stderr: `spasm: without a terminal, log delete needs --yes\nto delete it: spasm log delete ${ended} --yes\n` });
  });

  it('routine without --hands-free and --pain-after says what to add', async () => {
    expect(await refused(fakeDeps({ now: NOW }), ['routine', '--pain-before', '2'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'spasm: without a terminal, routine needs --hands-free and --pain-after\nfor example: spasm routine --hands-free --pain-after …\n',
    });
  });

  it('an invalid --program file: the JSON path of the problem on the line after', async () => {
    const program = file('mine.json', JSON.stringify({ id: 'mine', name: 'Mine', description: 'x', exercises: [{ exercise: 'handstand' }, { exercise: 'cat-cow', sets: 'two' }], progression: { addReps: 1, everyDays: 3, requireCleanSessions: 2, sources: ['NHSI'] }, sources: ['NHSI'] }));
    const g = fakeDeps({ now: NOW });
    expect(await refused(g, ['routine', '--program', program, '--hands-free', '--pain-before', '1', '--pain-after', '1'])).toEqual({ code: 2, stdout: '', stderr: `spasm: program file "${program}" is invalid\n$.exercises[1].sets: must be a whole number\n` });
    expect(existsSync(g.deps.store.file)).toBe(false);
  });

  it('an import with invalid records names each problem by its JSON path', async () => {
    const bad = file('invalid-records.json', exportDoc({ episodes: [{ ...episode({ id: 'ecccc', onset: NOW }), peakPain: 12 }, episode({ id: 'edddd', onset: 'yesterday' })] }));
    const r = await refused(f, ['import', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain('is invalid (2 problems)');
    expect(r.stderr).toContain('$.episodes[0].peakPain: must be at most 10');
    expect(r.stderr).toContain('$.episodes[1].onset: must be a date-time with its offset, like 2026-11-27T09:30:00+01:00');
  });

  it('--output refuses an existing file with a hint, and --force replaces it (report and export)', async () => {
    for (const [args, name] of [[['report', '--format', 'html'], 'r.html'], [['export'], 'backup.json']] as const) {
      const out = file(`exists-${name}`, 'precious');
      expect(await refused(f, [...args, '--output', out])).toEqual({ code: 2, stdout: '', stderr: `spasm: --output "${out}" already exists\nadd --force to replace it, or choose another name\n` });
      expect(readFileSync(out, 'utf8')).toBe('precious');
      const forced = await runInProcess([...args, '--output', out, '--force'], f);
      expect(forced).toMatchObject({ code: 0, stdout: '' });
      expect(readFileSync(out, 'utf8')).not.toBe('precious');
      expect(statSync(out).mode & 0o777).toBe(0o600);
    }
  });
});

// A value that would forge a line, steer the terminal or reorder the text if echoed raw.
const HOSTILE = 'x\nspasm: fake\u001b]0;t\u0007\u001b[2J\u009b1m\u007f\u202eevil\u2066';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('echo table: every command that names a value or a file shows it inert', () => {
  const hostileFile = () => {
    const dir = join(files, 'echo');
    mkdirSync(dir, { recursive: true });
    return join(dir, HOSTILE.replace(/\//g, '_'));
  };
  it.each<[string, () => string[]]>([
    ['--pain', () => ['log', '--onset', '2d ago', '--pain', HOSTILE, '--ongoing']],
    ['--onset', () => ['log', '--onset', HOSTILE, '--pain', '5', '--ongoing']],
    ['--lasted', () => ['log', '--onset', '2d ago', '--pain', '5', '--lasted', HOSTILE]],
    ['--legs', () => ['log', '--onset', '2d ago', '--pain', '5', '--ongoing', '--legs', HOSTILE]],
    ['--pain twice', () => ['log', '--onset', '2d ago', '--pain', '5', '--pain', HOSTILE, '--ongoing']],
    ['--since', () => ['log', 'list', '--since', HOSTILE]],
    ['log show <id>', () => ['log', 'show', `e${HOSTILE}`]],
    ['log edit <id>', () => ['log', 'edit', `e${HOSTILE}`, '--pain', '3']],
    ['log end --at', () => ['log', 'end', '--at', HOSTILE]],
    ['log delete <id>', () => ['log', 'delete', `e${HOSTILE}`, '--yes']],
    ['start --red-flags', () => ['start', '--pain', '4', '--red-flags', HOSTILE, '--hands-free']],
    ['start --therapy', () => ['start', '--pain', '4', '--red-flags', 'none', '--therapy', HOSTILE, '--hands-free']],
    ['report --format', () => ['report', '--format', HOSTILE]],
    ['report --until', () => ['report', '--until', HOSTILE]],
    ['report --output', () => ['report', '--output', join(files, 'nowhere', HOSTILE)]],
    ['routine --pain-before', () => ['routine', '--hands-free', '--pain-before', HOSTILE, '--pain-after', '1']],
    ['routine --program', () => ['routine', '--hands-free', '--pain-before', '1', '--pain-after', '1', '--program', hostileFile()]],
    ['exercises show', () => ['exercises', 'show', HOSTILE]],
    ['timer <kind>', () => ['timer', HOSTILE]],
    ['timer --minutes', () => ['timer', 'cold', '--minutes', HOSTILE]],
    ['timer --pace', () => ['timer', 'breathe', '--pace', HOSTILE]],
    ['export --output', () => ['export', '--output', join(files, 'nowhere', HOSTILE)]],
    ['import <file>', () => ['import', hostileFile()]],
    ['import, a file of escapes', () => ['import', file('escapes.json', `${HOSTILE}{`)]],
    ['import, a symlink to a file of escapes', () => ['import', link('escapes-link.json', file('escapes-target.json', `{"a": 1,\n${HOSTILE}`))]],
    ['routine --program, a file of escapes', () => ['routine', '--hands-free', '--pain-before', '1', '--pain-after', '1', '--program', file('escapes-program.json', `{${HOSTILE}`)]],
    ['config set program, a file of escapes', () => ['config', 'set', 'program', file('escapes-config.json', `[1, ${HOSTILE}]`)]],
    ['config set <key>', () => ['config', 'set', HOSTILE, 'x']],
    ['config set program', () => ['config', 'set', 'program', hostileFile()]],
    ['config get <key>', () => ['config', 'get', HOSTILE]],
    ['unknown option', () => ['status', `--${HOSTILE}`]],
    ['unknown command', () => [HOSTILE]],
  ])('%s', async (_name, args) => {
    const result = await runInProcess(args(), f);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(RAW);
    // Exactly one line says "spasm:": no value forged a second one.
    expect(result.stderr.split('\n').filter((line) => line.includes('spasm:')).length).toBeLessThanOrEqual(1);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('spasm:'))).toHaveLength(1);
    expect(result.stderr).not.toContain('evil\u2066');
    // A file's content is never quoted, escaped or not.
    if (_name.includes('file of escapes')) expect(result.stderr).not.toContain('fake');
  });
});
