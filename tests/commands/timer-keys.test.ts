import { describe, expect, it } from 'vitest';
import { timer } from '../../src/commands/timer.js';
import { InterruptedError } from '../../src/errors.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { pressAt } from '../helpers/fake-keys.js';
import { episode } from '../helpers/records.js';

const now = '2026-11-27T10:00:00+01:00';
const at = (hhmm: string) => `2026-11-27T${hhmm}:00+01:00`;

async function ongoing() {
  const f = fakeDeps({ now });
  await f.deps.store.update((doc) => void doc.episodes.push(episode({ id: 'e7k2q', onset: '2026-11-27T06:00:00+01:00' })));
  return f;
}
const therapy = async (f: Awaited<ReturnType<typeof ongoing>>) => (await f.deps.store.read()).episodes[0]!.therapy;

describe('countdown keys in spasm timer', () => {
  it('Enter ends a cold session early as done, recording the minutes it ran', async () => {
    const f = await ongoing();
    pressAt(f, [[at('10:07'), 'enter']]);
    await timer({}, f.deps, 'cold');
    expect(await therapy(f)).toEqual([{ kind: 'cold', start: at('10:00'), end: at('10:07') }]);
    expect(f.stderr()).toContain('Done: 7 min of cold. Saved on episode e7k2q.');
  });

  it('s skips it: the part done is kept, exit 0, no "done"', async () => {
    const f = await ongoing();
    pressAt(f, [[at('10:03'), 'skip']]);
    await timer({}, f.deps, 'heat');
    expect(await therapy(f)).toEqual([{ kind: 'heat', start: at('10:00'), end: at('10:03') }]);
    expect(f.stderr()).toContain('Skipped after 3 min. Saved on episode e7k2q.');
    expect(f.stderr()).not.toContain('Done:');
  });

  it('p pauses and resumes: the pause is left out of the session, which ends later', async () => {
    const f = await ongoing();
    pressAt(f, [
      [at('10:05'), 'pause'],
      [at('10:15'), 'pause'],
    ]);
    await timer({}, f.deps, 'cold');
    // 20 minutes of cold in all, ending 10 minutes later than without the pause.
    expect(await therapy(f)).toEqual([{ kind: 'cold', start: at('10:10'), end: at('10:30') }]);
    expect(f.stderr()).toContain('Done: 20 min of cold.');
  });

  it('q (the key of a --stay wait) does nothing in a session', async () => {
    const f = await ongoing();
    pressAt(f, [[at('10:02'), 'quit']]);
    await timer({}, f.deps, 'cold');
    expect(await therapy(f)).toEqual([{ kind: 'cold', start: at('10:00'), end: at('10:20') }]);
  });

  it('Ctrl-C while paused still saves what ran and exits 130', async () => {
    const f = await ongoing();
    pressAt(f, [[at('10:04'), 'pause']]);
    const sleep = f.deps.clock.sleep;
    f.deps.clock.sleep = async (ms, signal) => {
      if (f.deps.clock.now().getTime() >= Date.parse(at('10:09'))) f.interrupt.abort();
      return sleep(ms, signal);
    };
    const error = await timer({}, f.deps, 'cold').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).message).toBe('Stopped after 4 min. Saved on episode e7k2q.');
    expect(await therapy(f)).toEqual([{ kind: 'cold', start: at('10:05'), end: at('10:09') }]);
  });

  it('breathe: Enter ends the pacer early as done', async () => {
    const f = await ongoing();
    pressAt(f, [['2026-11-27T10:01:00+01:00', 'enter']]);
    await timer({}, f.deps, 'breathe');
    expect(f.stderr()).toContain('Done: 1 min of slow breathing.');
  });
});
