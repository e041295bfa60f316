// spasm checkin with fake deps: by flags, and on a terminal through @inquirer/testing's screen.
import { describe, expect, it } from 'vitest';
import { checkin } from '../../src/commands/checkin.js';
import { UsageError } from '../../src/errors.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';
import { next } from '../helpers/answer.js';
import { useScreen } from '../helpers/screen.js';

const screen = useScreen();

const NOW = '2026-11-27T10:00:00+01:00';
const onset = '2026-11-25T08:00:00+01:00';

async function withEpisode(options: { interactive?: boolean; fields?: Partial<Parameters<typeof episode>[0]> } = {}) {
  const f = fakeDeps({ now: NOW, interactive: options.interactive });
  await f.deps.store.update((doc) => void doc.episodes.push(episode({ id: 'e7k2q', onset, pain: [{ at: onset, score: 7 }], ...options.fields })));
  return f;
}
const stored = async (f: Awaited<ReturnType<typeof withEpisode>>) => (await f.deps.store.read()).episodes[0]!;

async function refusal(p: Promise<unknown>): Promise<UsageError> {
  const error = await p.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('spasm checkin by flags', () => {
  it('stores every field, in the SPEC shape, and says what it saved in one line', async () => {
    const f = await withEpisode();
    await checkin({ pain: '4', activity: ['walking=3', 'sitting at work=2'], medicine: ['ibuprofen 400 mg'], sleptBadly: true, missedWork: true, note: 'Stiff in the morning.' }, f.deps);
    const e = await stored(f);
    expect(e.activities).toEqual(['walking', 'sitting at work']);
    expect(e.checkins).toEqual([
      {
        at: NOW,
        pain: 4,
        function: [
          { activity: 'walking', score: 3 },
          { activity: 'sitting at work', score: 2 },
        ],
        medicines: ['ibuprofen 400 mg'],
        sleptBadly: true,
        missedWork: true,
        notes: 'Stiff in the morning.',
      },
    ]);
    expect(e.pain).toEqual([
      { at: onset, score: 7 },
      { at: NOW, score: 4 },
    ]);
    expect(f.stdout()).toBe('Check-in saved on episode e7k2q: pain 4/10, walking 3/10, sitting at work 2/10, a medicine.\n');
  });

  it('absent answers are not recorded (null), and a re-rating shows the last score', async () => {
    const f = await withEpisode({ fields: { activities: ['walking'], checkins: [{ at: '2026-11-26T09:00:00+01:00', pain: 5, function: [{ activity: 'walking', score: 3 }], medicines: [], sleptBadly: null, missedWork: null, notes: '' }] } });
    await checkin({ pain: '3', activity: ['Walking=6'] }, f.deps);
    const c = (await stored(f)).checkins[1]!;
    expect(c).toEqual({ at: NOW, pain: 3, function: [{ activity: 'walking', score: 6 }], medicines: [], sleptBadly: null, missedWork: null, notes: '' });
    expect(f.stdout()).toBe('Check-in saved on episode e7k2q: pain 3/10, walking 6/10 (was 3).\n');
  });

  it('--json prints the stored check-in on stdout, the message on stderr', async () => {
    const f = await withEpisode();
    await checkin({ pain: '2', json: true, at: '1h ago' }, f.deps);
    expect(JSON.parse(f.stdout())).toEqual({ at: '2026-11-27T09:00:00+01:00', pain: 2, function: [], medicines: [], sleptBadly: null, missedWork: null, notes: '' });
    expect(f.stderr()).toContain('Check-in saved on episode e7k2q');
  });

  it('--settled ends the episode at the check-in time', async () => {
    const f = await withEpisode();
    await checkin({ pain: '0', settled: true, at: '2026-11-27T08:30:00+01:00' }, f.deps);
    expect((await stored(f)).endedAt).toBe('2026-11-27T08:30:00+01:00');
    expect(f.stdout()).toContain('Episode e7k2q is marked ended.');
  });

  it('pain 0 without --settled and without a terminal: not ended, and says how', async () => {
    const f = await withEpisode();
    await checkin({ pain: '0' }, f.deps);
    expect((await stored(f)).endedAt).toBeNull();
    expect(f.stdout()).toContain('If the spasm has settled: spasm log end e7k2q');
  });

  it('no ongoing episode: exit 2 saying how to start one, nothing written', async () => {
    const f = fakeDeps({ now: NOW });
    const error = await refusal(checkin({ pain: '3' }, f.deps));
    expect(error.message).toBe('there is no ongoing episode to check in on');
    expect(error.hint).toContain('spasm start');
    expect((await f.deps.store.read()).episodes).toEqual([]);
  });

  it.each([
    [{}, 'without a terminal, checkin needs --pain'],
    [{ pain: '11' }, '--pain must be a whole number from 0 to 10 (got "11")'],
    [{ pain: '3', activity: ['walking'] }, '--activity must be name=0-10 (got "walking")'],
    [{ pain: '3', activity: ['a=1', 'b=1', 'c=1', 'd=1'] }, '--activity "d" would be a fourth activity; an episode follows at most 3'],
    [{ pain: '3', medicine: [''] }, '--medicine must not be empty'],
    [{ pain: '3', at: 'tomorrow' }, '--at'],
    [{ pain: '3', at: '3d ago' }, 'is before episode e7k2q began'],
    [{ pain: '3', note: 'x'.repeat(10_001) }, '--note is 10,001 characters long'],
  ])('%j → exit 2, the store untouched', async (opts, message) => {
    const f = await withEpisode();
    const before = await stored(f);
    const error = await refusal(checkin(opts, f.deps));
    expect(error.message).toContain(message);
    expect(error.exitCode).toBe(2);
    expect(await stored(f)).toEqual(before);
  });
});

describe('spasm checkin on a terminal', () => {
  it('the first check-in: pain, names and rates activities, ticks, a medicine, a note', async () => {
    const f = await withEpisode({ interactive: true });
    const done = checkin({}, f.deps);
    await next('Pain now? (0 = none, 10 = worst imaginable)', '4', 'enter');
    await next('Name an activity the spasm makes hard', 'walking', 'enter');
    await next('walking: how well can you do it now? 0 = unable, 10 = as before the spasm', '3', 'enter');
    await next('Another activity', 'enter');
    await next('Since the last check-in', 'space', 'down', 'space', 'enter'); // a medicine; slept badly
    await next('Which?', 'ibuprofen 400 mg, heat rub', 'enter');
    await next('A note?', 'enter');
    await done;
    expect((await stored(f)).checkins).toEqual([
      { at: NOW, pain: 4, function: [{ activity: 'walking', score: 3 }], medicines: ['ibuprofen 400 mg', 'heat rub'], sleptBadly: true, missedWork: false, notes: '' },
    ]);
  });

  it('a later one shows each activity with its last score; pain 1 asks whether it has settled', async () => {
    const f = await withEpisode({
      interactive: true,
      fields: { activities: ['walking', 'sitting'], checkins: [{ at: '2026-11-26T09:00:00+01:00', pain: 5, function: [{ activity: 'walking', score: 3 }, { activity: 'sitting', score: 2 }], medicines: [], sleptBadly: null, missedWork: null, notes: '' }] },
    });
    const done = checkin({}, f.deps);
    await screen.next();
    screen.type('1');
    screen.keypress('enter');
    await next('walking (last time 3/10): how well can you do it now?', '9', 'enter');
    await next('sitting (last time 2/10)', 'enter'); // skipped
    await screen.next();
    screen.keypress('enter'); // nothing ticked
    await screen.next();
    screen.keypress('enter'); // no note
    await next('Has the spasm settled? Yes marks episode e7k2q as ended.', 'y', 'enter');
    await done;
    const e = await stored(f);
    expect(e.checkins[1]).toEqual({ at: NOW, pain: 1, function: [{ activity: 'walking', score: 9 }], medicines: [], sleptBadly: false, missedWork: false, notes: '' });
    expect(e.endedAt).toBe(NOW);
  });

  it('--pain on a terminal asks nothing more, but still asks "settled?" at pain 0', async () => {
    const f = await withEpisode({ interactive: true });
    const done = checkin({ pain: '0' }, f.deps);
    await next('Has the spasm settled?', 'n', 'enter');
    await done;
    expect((await stored(f)).endedAt).toBeNull();
    expect((await stored(f)).checkins).toHaveLength(1);
  });
});

describe('log show after check-ins', () => {
  it('shows each activity with its scores over time, and the check-ins', async () => {
    const { logShow } = await import('../../src/commands/log.js');
    const f = await withEpisode();
    await checkin({ pain: '5', activity: ['walking=2'], at: '2026-11-26T09:00:00+01:00' }, f.deps);
    await checkin({ pain: '3', activity: ['walking=5'] }, f.deps);
    const g = fakeDeps({ now: NOW, dataDir: f.deps.store.dir });
    await logShow({}, g.deps, 'e7k2q');
    expect(g.stdout()).toContain('Activities  walking 2 → 5');
    expect(g.stdout()).toContain('Check-ins   2, the latest');
  });
});
