import { describe, expect, it } from 'vitest';
import { timer } from '../../src/commands/timer.js';
import { offerStay } from '../../src/flows/stay.js';
import { UsageError } from '../../src/errors.js';
import { fakeDeps, type FakeDeps } from '../helpers/fake-deps.js';
import { pressAt } from '../helpers/fake-keys.js';
import { episode } from '../helpers/records.js';
import { next } from '../helpers/answer.js';
import { useScreen } from '../helpers/screen.js';

const screen = useScreen();

const now = '2026-11-27T10:00:00+01:00';
const at = (hhmm: string) => `2026-11-27T${hhmm}:00+01:00`;

async function withEpisode(onset: string, options: { interactive?: boolean } = {}) {
  const f = fakeDeps({ now, ...options });
  await f.deps.store.update((doc) => void doc.episodes.push(episode({ id: 'e7k2q', onset })));
  return f;
}
const therapy = async (f: FakeDeps) => (await f.deps.store.read()).episodes[0]!.therapy;

/** Runs `fn` once, before the first sleep at or after `when` (program time). */
function onceAt(f: FakeDeps, when: string, fn: () => Promise<void>) {
  const sleep = f.deps.clock.sleep;
  let done = false;
  f.deps.clock.sleep = async (ms, signal) => {
    if (!done && f.deps.clock.now().getTime() >= Date.parse(when)) {
      done = true;
      await fn();
    }
    return sleep(ms, signal);
  };
}

describe('spasm timer --stay, hands-free', () => {
  it('runs the sessions with the wait between; the second follows the phase across the 72-hour line', async () => {
    // 71 hours after onset: this session is cold, the next (from 11:20, 72 h 20 min) is heat.
    const f = await withEpisode('2026-11-24T11:00:00+01:00');
    await timer({ stay: true, sessions: '2', handsFree: true }, f.deps, 'cold');
    expect(await therapy(f)).toEqual([
      { kind: 'cold', start: at('10:00'), end: at('10:20') },
      { kind: 'heat', start: at('11:20'), end: at('11:40') },
    ]);
    const err = f.stderr();
    expect(err).toContain('Next heat session from 11:20 (until 12:20). I will ring then.');
    expect(err).toContain('Time for your next heat session.');
    expect(err).toContain('That was all 2 sessions.');
  });

  it('before the 72-hour line the next session is cold again', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00');
    await timer({ stay: true, sessions: '3', handsFree: true }, f.deps, 'cold');
    const sessions = await therapy(f);
    expect(sessions.map((s) => [s.kind, s.start])).toEqual([
      ['cold', at('10:00')],
      ['cold', at('11:20')],
      ['cold', at('12:40')],
    ]);
  });

  it('an emergency answer recorded during the wait stops it: the advice, no more sessions, exit 0', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00');
    onceAt(f, at('10:50'), () =>
      f.deps.store.update((doc) => {
        doc.episodes[0]!.redFlags = { at: at('10:50'), positive: ['urination'], tier: 'emergency' };
      }),
    );
    await timer({ stay: true, sessions: '2', handsFree: true }, f.deps, 'cold');
    expect(await therapy(f)).toHaveLength(1);
    expect(f.stderr()).toContain('No more cold or heat sessions are offered here: get help first.');
    expect(f.stderr()).not.toContain('Time for your next');
  });

  it('an emergency answer that already stands offers no wait at all', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00');
    await f.deps.store.update((doc) => void (doc.episodes[0]!.redFlags = { at: at('09:00'), positive: ['leg-weakness'], tier: 'emergency' }));
    await timer({ stay: true, handsFree: true }, f.deps, 'cold');
    expect(f.stderr()).not.toContain('Next cold session from');
    expect(f.stderr()).toContain('get help first');
    expect(f.clock.now().toISOString()).toBe(new Date(at('10:20')).toISOString());
  });

  it('a same-day answer does not stop it', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00');
    await f.deps.store.update((doc) => void (doc.episodes[0]!.redFlags = { at: at('09:00'), positive: ['fever'], tier: 'same-day' }));
    await timer({ stay: true, sessions: '2', handsFree: true }, f.deps, 'heat');
    expect(await therapy(f)).toHaveLength(2);
  });

  it('without an ongoing episode it still waits and rings, the same kind, and records nothing', async () => {
    const f = fakeDeps({ now });
    await timer({ stay: true, sessions: '2', handsFree: true }, f.deps, 'heat');
    expect(f.stderr()).toContain('Next heat session from 11:20 (until 12:20).');
    expect(f.clock.now().getTime()).toBe(Date.parse(at('11:40')));
  });

  it.each<[string, Parameters<typeof timer>[0], string, string]>([
    ['--sessions without --stay', { sessions: '2' }, 'cold', '--sessions is for --stay'],
    ['--sessions 0', { stay: true, handsFree: true, sessions: '0' }, 'cold', '--sessions must be a whole number from 1 to 24 (got "0")'],
    ['--sessions two', { stay: true, handsFree: true, sessions: 'two' }, 'cold', '--sessions must be a whole number from 1 to 24 (got "two")'],
    ['--stay on breathe', { stay: true, handsFree: true }, 'breathe', '--stay is for spasm timer cold or heat, not breathe'],
    ['--stay without a terminal or --hands-free', { stay: true }, 'heat', 'without a terminal, timer heat --stay needs --hands-free'],
  ])('%s → exit 2, nothing run', async (_name, opts, kind, message) => {
    const f = fakeDeps({ now });
    const error = await timer(opts, f.deps, kind).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
    expect(f.clock.now().getTime()).toBe(Date.parse(now));
  });
});

describe('spasm timer --stay, on a terminal', () => {
  it('q in the wait leaves with exit 0; nothing more runs', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00', { interactive: true });
    pressAt(f, [[at('10:40'), 'quit']]);
    await timer({ stay: true }, f.deps, 'cold');
    expect(await therapy(f)).toHaveLength(1);
    expect(f.stderr()).toContain('Left. Nothing is in progress.');
  });

  it('Ctrl-C in the wait leaves with exit 0 too', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00', { interactive: true });
    onceAt(f, at('10:30'), async () => f.interrupt.abort());
    await expect(timer({ stay: true }, f.deps, 'cold')).resolves.toBeUndefined();
    expect(await therapy(f)).toHaveLength(1);
  });

  it("at the window: a check-in (spasm checkin's) records the pain, then the next session runs", async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00', { interactive: true });
    const done = timer({ stay: true, sessions: '2' }, f.deps, 'cold');
    await next('Start the cold session now?');
    expect(f.stderr()).toContain('Time for your next cold session.');
    screen.keypress('down');
    screen.keypress('enter'); // check-in first
    await next('Pain now?', '3', 'enter');
    // spasm checkin's other questions, each skipped: an activity, since the last check-in, a note.
    for (let i = 0; i < 3; i++) {
      await screen.next();
      screen.keypress('enter');
    }
    await next('Start the cold session now?', 'enter');
    await done;
    const [e] = (await f.deps.store.read()).episodes;
    expect(e!.pain).toEqual([{ at: at('11:20'), score: 3 }]);
    expect(e!.checkins).toMatchObject([{ at: at('11:20'), pain: 3 }]);
    expect(e!.therapy.map((s) => s.start)).toEqual([at('10:00'), at('11:20')]);
  });

  it('"Not now" at the window leaves with exit 0', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00', { interactive: true });
    const done = timer({ stay: true }, f.deps, 'heat');
    await screen.next();
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter');
    await done;
    expect(await therapy(f)).toHaveLength(1);
    expect(f.stderr()).toContain('Left. Nothing is in progress.');
  });
});

describe('the offer to stay at the end of spasm start', () => {
  it('yes: waits for the window of the episode\'s last session, rings, offers it', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00', { interactive: true });
    await f.deps.store.update((doc) => void doc.episodes[0]!.therapy.push({ kind: 'cold', start: at('09:30'), end: at('09:50') }));
    const done = offerStay(f.deps, 'e7k2q');
    await next('Wait here for the next cold or heat session?', 'y', 'enter');
    await next('Start the cold session now?');
    expect(f.clock.now().getTime()).toBe(Date.parse(at('10:50')));
    expect(f.stderr()).toContain('Next cold session from 10:50 (until 11:50).');
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('enter'); // not now
    await done;
    expect(await therapy(f)).toHaveLength(1);
  });

  it('no (the default): nothing waits', async () => {
    const f = await withEpisode('2026-11-27T06:00:00+01:00', { interactive: true });
    const done = offerStay(f.deps, 'e7k2q');
    await screen.next();
    screen.keypress('enter');
    await done;
    expect(f.clock.now().getTime()).toBe(Date.parse(now));
    expect(f.stderr()).toBe('');
  });
});
