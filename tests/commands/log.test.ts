// `spasm log` commands over a real store in a temp dir, a fake clock, and
// @inquirer/testing's screen for the questions.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { logAdd, logDelete, logEdit, logEnd, logList, logShow, type LogAddOptions } from '../../src/commands/log.js';
import type { Episode } from '../../src/core/records.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { next } from '../helpers/answer.js';
import { useScreen } from '../helpers/screen.js';

const screen = useScreen();

const NOW = '2026-11-27T12:00:00+01:00';
const EPISODE_KEYS = ['id', 'onset', 'endedAt', 'source', 'pain', 'peakPain', 'triggers', 'helped', 'legs', 'notes', 'redFlags', 'steps', 'therapy', 'activities', 'checkins'];

async function seeded(interactive = false) {
  const f = fakeDeps({ now: NOW, interactive });
  await logAdd({ onset: '2026-11-01T08:00', pain: '6', lasted: '2d', trigger: ['lifting'] }, f.deps);
  await logAdd({ onset: '2026-11-25T18:00', pain: '8', ongoing: true, legs: 'thigh' }, f.deps);
  const doc = await f.deps.store.read();
  const seen = f.stdout().length;
  // Only what comes after the seeding.
  return { ...f, stdout: () => f.stdout().slice(seen), ids: doc.episodes.map((e) => e.id) };
}

function bytes(file: string): Buffer | null {
  return existsSync(file) ? readFileSync(file) : null;
}

/** Runs `action`, expects exit 2 with `message`, and the store file byte for byte as before. */
async function refused(f: ReturnType<typeof fakeDeps>, action: () => Promise<void>, message: RegExp) {
  const before = bytes(f.deps.store.file);
  await expect(action()).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(message) });
  expect(bytes(f.deps.store.file)).toEqual(before);
}

describe('log add with flags', () => {
  it('stores every field and prints one line', async () => {
    const f = fakeDeps({ now: NOW });
    await logAdd(
      { onset: '2d ago', pain: '7', lasted: '1d12h', trigger: ['Lifting something', 'carrying a sofa'], helped: ['heat', 'walking'], legs: 'buttock', note: 'Über 😖' },
      f.deps,
    );
    const [e] = (await f.deps.store.read()).episodes;
    expect(e).toEqual({
      id: e!.id,
      onset: '2026-11-25T12:00:00+01:00',
      endedAt: '2026-11-27T00:00:00+01:00',
      source: 'log',
      pain: [{ at: '2026-11-25T12:00:00+01:00', score: 7 }],
      peakPain: 7,
      triggers: ['lifting', 'carrying a sofa'],
      helped: ['heat', 'walking'],
      legs: 'buttock',
      notes: 'Über 😖',
      redFlags: null,
      steps: [],
      therapy: [],
      activities: [],
      checkins: [],
    });
    expect(e!.id).toMatch(/^e[2-9a-hjkmnp-z]{4}$/);
    expect(f.stdout()).toBe(`Recorded episode ${e!.id}: began Wed 25 Nov 12:00, worst pain 7/10, lasted 1 day 12 h.\n`);
  });

  it('--json prints the stored record in the SPEC shape', async () => {
    const f = fakeDeps({ now: NOW });
    await logAdd({ onset: 'now', pain: '4', ongoing: true, json: true }, f.deps);
    const printed = JSON.parse(f.stdout());
    expect(Object.keys(printed)).toEqual(EPISODE_KEYS);
    expect(printed).toEqual((await f.deps.store.read()).episodes[0]);
    expect(printed).toMatchObject({ endedAt: null, source: 'log', peakPain: 4, legs: null, notes: '', redFlags: null });
  });

  it('a note of exactly 10,000 characters of any Unicode is stored as typed', async () => {
    const f = fakeDeps({ now: NOW });
    const note = '😖é\u0000\n'.repeat(2_500);
    await logAdd({ onset: 'now', pain: '3', note }, f.deps);
    expect((await f.deps.store.read()).episodes[0]!.notes).toBe(note);
  });

  it('without a terminal, names the missing flags and stores nothing', async () => {
    const f = fakeDeps({ now: NOW });
    await refused(f, () => logAdd({ trigger: ['lifting'] }, f.deps), /^without a terminal, log needs --onset and --pain$/);
    await refused(f, () => logAdd({ onset: 'now' }, f.deps), /^without a terminal, log needs --pain$/);
    expect(existsSync(f.deps.store.file)).toBe(false);
  });

  it.each<[string, LogAddOptions, RegExp]>([
    ['pain 11', { onset: 'now', pain: '11' }, /^--pain/],
    ['unreadable onset', { onset: 'soon', pain: '3' }, /^--onset/],
    ['future onset', { onset: '2026-11-28T12:00', pain: '3' }, /^--onset .* in the future/],
    ['end in the future', { onset: '2h ago', pain: '3', lasted: '3h' }, /^--lasted would end/],
    ['lasted and ongoing', { onset: '2h ago', pain: '3', lasted: '1h', ongoing: true }, /^--lasted and --ongoing/],
    ['lasted zero', { onset: '2h ago', pain: '3', lasted: '0m' }, /^--lasted must be longer than zero/],
    ['legs unknown', { onset: '2h ago', pain: '3', legs: 'knee' }, /^--legs must be one of/],
    ['note of 10,001', { onset: '2h ago', pain: '3', note: 'x'.repeat(10_001) }, /^--note is 10,001 characters/],
    ['empty trigger', { onset: '2h ago', pain: '3', trigger: [''] }, /^--trigger must not be empty/],
    ['helped of 201', { onset: '2h ago', pain: '3', helped: ['y'.repeat(201)] }, /^--helped must be at most 200/],
  ])('refuses %s with the store byte for byte unchanged', async (_name, flags, message) => {
    const f = await seeded();
    await refused(f, () => logAdd(flags, f.deps), message);
  });

  it('an id is never reused after delete', async () => {
    // A random source that repeats itself: every new id is the same first choice unless taken.
    const f = fakeDeps({ now: NOW, random: () => 0 });
    await logAdd({ onset: '3d ago', pain: '5', lasted: '1d' }, f.deps);
    const [first] = (await f.deps.store.read()).episodes.map((e) => e.id);
    await logDelete({ yes: true }, f.deps, first!);
    await logAdd({ onset: '2d ago', pain: '5', lasted: '1d' }, f.deps);
    const doc = await f.deps.store.read();
    expect(doc.retiredIds).toEqual([first]);
    expect(doc.episodes.map((e) => e.id)).not.toContain(first);
  });
});

describe('log list and show', () => {
  it('lists newest first, the ongoing one marked with > and the word', async () => {
    const { deps, stdout, ids } = await seeded();
    await logList({}, deps);
    const lines = stdout().split('\n');
    expect(lines[0]).toMatch(/^ {2}id +began +lasted +worst +legs +triggers$/);
    expect(lines[1]).toBe(`> ${ids[1]}  2026-11-25 18:00  ongoing  8/10   thigh  -`);
    expect(lines[2]).toBe(`  ${ids[0]}  2026-11-01 08:00  2 days   6/10   -      lifting`);
    expect(stdout()).toContain(`2 episodes; > marks the ongoing one (${ids[1]}).`);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('--json: an array oldest first, each in the SPEC shape; --since filters by onset', async () => {
    const { deps, stdout, ids } = await seeded();
    await logList({ json: true }, deps);
    const all = JSON.parse(stdout()) as Episode[];
    expect(all.map((e) => e.id)).toEqual(ids);
    for (const e of all) expect(Object.keys(e)).toEqual(EPISODE_KEYS);
    const f2 = { ...deps, io: { ...deps.io, out: (s: string) => void (text += s) } };
    let text = '';
    await logList({ json: true, since: '2026-11-20' }, f2);
    expect((JSON.parse(text) as Episode[]).map((e) => e.id)).toEqual([ids[1]]);
    text = '';
    await logList({ since: '1d ago' }, f2);
    expect(text).toBe('No episodes since Thu 26 Nov 12:00.\n');
  });

  it('an empty store says how to record one', async () => {
    const f = fakeDeps({ now: NOW });
    await logList({}, f.deps);
    expect(f.stdout()).toMatch(/^No episodes recorded yet\. To record one, run spasm log \(it asks\), or give flags:\n  spasm log --onset/);
    await refused(f, () => logList({ since: 'later' }, f.deps), /^--since "later" is not a time/);
  });

  it('show accepts a unique prefix; escape sequences in user text are neutralised', async () => {
    const f = fakeDeps({ now: NOW });
    await logAdd({ onset: '1d ago', pain: '5', ongoing: true, trigger: ['\u001b]0;pwned\u0007x'], note: 'a\u001b[2Jb\r\nline two\u009b' }, f.deps);
    const [e] = (await f.deps.store.read()).episodes;
    await logShow({}, f.deps, e!.id.slice(0, 3));
    const out = f.stdout().split('\n').slice(1).join('\n');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('␛]0;pwned\\x07x');
    expect(out).toContain('a␛[2Jb\\x0d');
    expect(out).toContain('line two\\x9b');
    expect(out).toMatch(/Ended +ongoing, 1 day since it began/);
    await logList({}, f.deps);
    expect(f.stdout()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('show --json prints exactly the SPEC keys', async () => {
    const { deps, stdout, ids } = await seeded();
    await logShow({ json: true }, deps, ids[0]!);
    expect(Object.keys(JSON.parse(stdout()))).toEqual(EPISODE_KEYS);
  });

  it('an unknown or ambiguous id is exit 2', async () => {
    // Ids e2222, then (after one clash) e22hh: they share the prefix e22.
    const f = fakeDeps({ now: NOW, random: (() => { let i = 0; const seq = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.5]; return () => seq[i++ % seq.length]!; })() });
    await logAdd({ onset: '3d ago', pain: '5', lasted: '1d' }, f.deps);
    await logAdd({ onset: '2d ago', pain: '5', lasted: '1d' }, f.deps);
    await refused(f, () => logShow({}, f.deps, 'zzzz'), /^no episode with the id "zzzz"/);
    await refused(f, () => logShow({}, f.deps, 'e22'), /^"e22" matches more than one episode: e2222, e22hh/);
    await refused(f, () => logShow({}, f.deps, 'e'), /^"e" is too short to pick an episode/);
  });
});

describe('log edit', () => {
  it('changes only the fields given', async () => {
    const { deps, ids } = await seeded();
    const before = (await deps.store.read()).episodes[0]!;
    await logEdit({ pain: '9', note: 'worse after driving' }, deps, ids[0]!.slice(0, 4));
    const after = (await deps.store.read()).episodes[0]!;
    expect(after).toEqual({ ...before, pain: [{ at: before.onset, score: 9 }], peakPain: 9, notes: 'worse after driving' });
  });

  it('--ongoing and --lasted change the end', async () => {
    const { deps, ids } = await seeded();
    await logEdit({ lasted: '1d' }, deps, ids[1]!);
    expect((await deps.store.read()).episodes[1]!.endedAt).toBe('2026-11-26T18:00:00+01:00');
    await logEdit({ ongoing: true }, deps, ids[1]!);
    expect((await deps.store.read()).episodes[1]!.endedAt).toBeNull();
  });

  it('refuses bad values and conflicts with the stored record, store unchanged', async () => {
    const f = await seeded();
    await refused(f, () => logEdit({ pain: 'x' }, f.deps, f.ids[0]!), /^--pain/);
    await refused(f, () => logEdit({ onset: '2026-11-10' }, f.deps, f.ids[0]!), /^--onset .* is not before the episode ended/);
    await refused(f, () => logEdit({ lasted: '3d' }, f.deps, f.ids[1]!), /^--lasted would end/);
    await refused(f, () => logEdit({}, f.deps, f.ids[0]!), /^log edit needs at least one field to change/);
    await refused(f, () => logEdit({ pain: '3' }, f.deps, 'enope'), /^no episode/);
  });
});

describe('log end', () => {
  it('ends the ongoing episode now by default, with an optional pain', async () => {
    const { deps, stdout, ids } = await seeded();
    await logEnd({ pain: '2' }, deps);
    const e = (await deps.store.read()).episodes[1]!;
    expect(e.endedAt).toBe('2026-11-27T12:00:00+01:00');
    expect(e.pain).toEqual([{ at: '2026-11-25T18:00:00+01:00', score: 8 }, { at: '2026-11-27T12:00:00+01:00', score: 2 }]);
    expect(e.peakPain).toBe(8);
    expect(stdout()).toContain(`Ended episode ${ids[1]} today 12:00, after 1 day 18 h. Pain at the end: 2/10.`);
  });

  it('--at and an id', async () => {
    const { deps, ids } = await seeded();
    await logEnd({ at: '2026-11-26T09:00' }, deps, ids[1]!.slice(0, 3));
    expect((await deps.store.read()).episodes[1]!.endedAt).toBe('2026-11-26T09:00:00+01:00');
  });

  it('refuses: before onset, in the future, already ended, nothing ongoing', async () => {
    const f = await seeded();
    await refused(f, () => logEnd({ at: '2026-11-25T17:00' }, f.deps), /^--at .* is not after the episode began/);
    await refused(f, () => logEnd({ at: '2026-11-28' }, f.deps), /^--at .* is in the future/);
    await refused(f, () => logEnd({ pain: '12' }, f.deps), /^--pain/);
    await refused(f, () => logEnd({}, f.deps, f.ids[0]!), /already ended at 2026-11-03T08:00:00\+01:00/);
    await logEnd({}, f.deps);
    await refused(f, () => logEnd({}, f.deps), /^there is no ongoing episode to end/);
  });
});

describe('log delete', () => {
  it('without a terminal and without --yes: exit 2, nothing deleted', async () => {
    const f = await seeded();
    await refused(f, () => logDelete({}, f.deps, f.ids[0]!), /^without a terminal, log delete needs --yes/);
  });

  it('asks on a terminal; declining changes nothing', async () => {
    const f = await seeded(true);
    const before = bytes(f.deps.store.file);
    const done = logDelete({}, f.deps, f.ids[0]!);
    await next(`Delete episode ${f.ids[0]} (began Sun 1 Nov 08:00, worst pain 6/10)? This cannot be undone.`, 'n', 'enter');
    await done;
    expect(f.stdout()).toContain(`Nothing deleted: episode ${f.ids[0]} is kept.`);
    expect(bytes(f.deps.store.file)).toEqual(before);
  });

  it('asks on a terminal; yes deletes and retires the id', async () => {
    const f = await seeded(true);
    const done = logDelete({}, f.deps, f.ids[0]!);
    await screen.next();
    screen.type('y');
    screen.keypress('enter');
    await done;
    const doc = await f.deps.store.read();
    expect(doc.episodes.map((e) => e.id)).toEqual([f.ids[1]]);
    expect(doc.retiredIds).toEqual([f.ids[0]]);
  });
});

describe('interactive add', () => {
  it('asks each question in order and shows the record with its id', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = logAdd({}, f.deps);
    await next('When did it begin?');
    for (let i = 0; i < 3; i++) screen.keypress('down');
    screen.keypress('enter'); // Yesterday
    await next('About what time yesterday?', '08:30', 'enter');
    await next('How bad was the pain at its worst?', '7', 'enter');
    await screen.next();
    const lasted = screen.getScreen();
    expect(lasted).toContain('Is it still going, or how long did it last?');
    // 27.5 hours since onset: the longer quick answers would end in the future.
    expect(lasted).toMatch(/2–3 days.*longer than since it began/);
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter'); // About a day
    await next('What set it off?', 'space', 'up', 'space', 'enter'); // Bending forward; wraps to "Something else…"
    await next('What else?', 'carrying a sofa, Lifting something', 'enter');
    await next('What helped?');
    expect(screen.getScreen()).toContain('Heat pack');
    screen.keypress('enter'); // nothing ticked is fine
    await next('How far did the pain spread down the leg?', 'down', 'enter'); // Into the buttock
    await next('A note? (Enter to skip)', 'stairs were hard', 'enter');
    await done;
    const [e] = (await f.deps.store.read()).episodes;
    expect(e).toMatchObject({
      onset: '2026-11-26T08:30:00+01:00',
      endedAt: '2026-11-27T08:30:00+01:00',
      peakPain: 7,
      triggers: ['bending', 'carrying a sofa', 'lifting'],
      helped: [],
      legs: 'buttock',
      notes: 'stairs were hard',
    });
    expect(f.stdout()).toContain(`Episode ${e!.id}`);
    expect(f.stdout()).toMatch(/Triggers +Bending forward; carrying a sofa; Lifting something/);
    expect(f.stdout()).toContain(`Saved as episode ${e!.id}.`);
  });

  it('asks only what the flags did not give', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = logAdd({ pain: '5', ongoing: true, trigger: ['lifting'], helped: ['heat'], legs: 'none', note: '' }, f.deps);
    await next('When did it begin?', 'enter'); // Just now
    await done;
    expect((await f.deps.store.read()).episodes[0]).toMatchObject({ onset: '2026-11-27T12:00:00+01:00', endedAt: null, peakPain: 5 });
  });

  it('a bad flag is refused before any question', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    await refused(f, () => logAdd({ legs: 'foot' }, f.deps), /^--legs/);
  });
});

describe('interactive edit', () => {
  it('asks each field with the current value as the default', async () => {
    const f = await seeded(true);
    const done = logEdit({}, f.deps, f.ids[0]!);
    await next('2026-11-01T08:00:00+01:00', 'enter'); // keep onset
    await next('6', 'backspace', '4', 'enter');
    await next('Ended Tue 3 Nov 08:00 (keep)', 'enter'); // keep the end
    await screen.next();
    expect(screen.getScreen()).toMatch(/◉ Lifting something/);
    screen.keypress('enter'); // keep triggers
    await screen.next();
    screen.keypress('space'); // tick the first helped option
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toMatch(/❯ Leave it unrecorded/);
    screen.keypress('up');
    screen.keypress('enter'); // legs: below the knee
    await screen.next();
    screen.type('edited');
    screen.keypress('enter');
    await done;
    const e = (await f.deps.store.read()).episodes[0]!;
    expect(e).toMatchObject({ onset: '2026-11-01T08:00:00+01:00', endedAt: '2026-11-03T08:00:00+01:00', peakPain: 4, triggers: ['lifting'], helped: ['rest-position'], legs: 'below-knee', notes: 'edited' });
  });
});
