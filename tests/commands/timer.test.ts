import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timer } from '../../src/commands/timer.js';
import { InterruptedError, UsageError } from '../../src/errors.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

const now = '2026-11-27T10:00:00+01:00';
const onset = '2026-11-27T06:00:00+01:00';

async function ongoing() {
  const f = fakeDeps({ now });
  await f.deps.store.update((doc) => void doc.episodes.push(episode({ id: 'e7k2q', onset })));
  return f;
}

describe('spasm timer', () => {
  it('cold: 20 minutes by default, recorded on the ongoing episode', async () => {
    const f = await ongoing();
    await timer({}, f.deps, 'cold');
    expect((await f.deps.store.read()).episodes[0]!.therapy).toEqual([{ kind: 'cold', start: '2026-11-27T10:00:00+01:00', end: '2026-11-27T10:20:00+01:00' }]);
    expect(f.stderr()).toContain('towel or cover');
    expect(f.stderr()).toContain('Done: 20 min of cold. Saved on episode e7k2q.');
  });

  it('heat --minutes 15 records 15 minutes', async () => {
    const f = await ongoing();
    await timer({ minutes: '15' }, f.deps, 'heat');
    expect((await f.deps.store.read()).episodes[0]!.therapy[0]).toMatchObject({ kind: 'heat', end: '2026-11-27T10:15:00+01:00' });
  });

  it('without an ongoing episode records nothing and writes no store', async () => {
    const f = fakeDeps({ now });
    await timer({}, f.deps, 'heat');
    expect(f.stderr()).toContain('Done: 20 min of heat. Next heat session: in 1 to 2 hours.');
    expect(existsSync(f.deps.store.file)).toBe(false);
  });

  it('breathe: paced in and out, with the caution of the step, recorded nowhere', async () => {
    const f = await ongoing();
    await timer({}, f.deps, 'breathe');
    expect(f.stderr()).toContain('Slow breathing: 3 min, in for 4 s, out for 6 s. Breathe gently, without forcing.');
    expect((await f.deps.store.read()).episodes[0]!.therapy).toEqual([]);
  });

  it.each([
    ['box', 'Box breathing: 3 min, in for 4 s, hold for 4 s, out for 4 s, hold for 4 s.', 'Done: 3 min of box breathing.'],
    ['shorter', 'Breathing at a shorter pace: 3 min, in for 3 s, out for 4 s.', 'Done: 3 min of breathing at a shorter pace.'],
    ['slow', 'Slow breathing: 3 min, in for 4 s, out for 6 s.', 'Done: 3 min of slow breathing.'],
  ])('breathe --pace %s', async (pace, start, end) => {
    const f = await ongoing();
    await timer({ pace }, f.deps, 'breathe');
    expect(f.stderr()).toContain(start);
    expect(f.stderr()).toContain(end);
  });

  it('Ctrl-C saves the part done and ends with exit 130', async () => {
    const f = await ongoing();
    const sleep = f.deps.clock.sleep;
    f.deps.clock.sleep = async (ms, signal) => {
      if (f.deps.clock.now().getTime() >= Date.parse('2026-11-27T10:07:00+01:00')) f.interrupt.abort();
      return sleep(ms, signal);
    };
    const error = await timer({}, f.deps, 'cold').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).exitCode).toBe(130);
    expect((error as InterruptedError).message).toBe('Stopped after 7 min. Saved on episode e7k2q.');
    expect((await f.deps.store.read()).episodes[0]!.therapy).toEqual([{ kind: 'cold', start: '2026-11-27T10:00:00+01:00', end: '2026-11-27T10:07:00+01:00' }]);
  });

  it('Ctrl-C in the first minute records nothing', async () => {
    const f = await ongoing();
    f.interrupt.abort();
    const error = await timer({}, f.deps, 'cold').catch((e: unknown) => e);
    expect((error as Error).message).toBe('Stopped after 0 s. Too short to record.');
    expect((await f.deps.store.read()).episodes[0]!.therapy).toEqual([]);
  });

  it.each([
    [{}, 'ice', '<kind> must be one of cold, heat, breathe (got "ice")'],
    [{ minutes: '0' }, 'cold', '--minutes must be a whole number of minutes from 1 to 20 (got "0")'],
    [{ minutes: '21' }, 'heat', '--minutes must be a whole number of minutes from 1 to 20 (got "21")'],
    [{ minutes: '31' }, 'breathe', '--minutes must be a whole number of minutes from 1 to 30 (got "31")'],
    [{ minutes: 'ten' }, 'cold', '--minutes must be a whole number of minutes from 1 to 20 (got "ten")'],
    [{ pace: 'fast' }, 'breathe', '--pace must be one of slow, box, shorter (got "fast")'],
    [{ pace: 'box' }, 'cold', '--pace is for spasm timer breathe, not cold'],
  ])('%j %s → exit 2: %s', async (opts, kind, message) => {
    const f = await ongoing();
    const error = await timer(opts, f.deps, kind).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
  });
});
