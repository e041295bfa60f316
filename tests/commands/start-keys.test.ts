// Countdown keys inside spasm start and spasm routine (issue #14 item 1).
import { describe, expect, it } from 'vitest';
import { routine } from '../../src/commands/routine.js';
import { start } from '../../src/commands/start.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { fakeKeys } from '../helpers/fake-keys.js';

const NOW = '2026-11-27T09:30:00+01:00';

/** Presses `key` once the countdown whose plain line starts with `line` listens. */
function pressDuring(f: ReturnType<typeof fakeDeps>, line: string, key: 'enter' | 'skip', afterMs = 0) {
  const keys = fakeKeys();
  f.deps.keys = keys.source;
  let seenAt: number | null = null;
  let pressed = false;
  const stream = f.deps.io.progressStream();
  const write = stream.write.bind(stream);
  f.deps.io.progressStream = () => ({ ...stream, write: (s: string) => (s.startsWith(line) && seenAt === null && (seenAt = f.deps.clock.now().getTime()), write(s)) }) as NodeJS.WriteStream;
  const sleep = f.deps.clock.sleep;
  f.deps.clock.sleep = async (ms, signal) => {
    if (!pressed && seenAt !== null && f.deps.clock.now().getTime() >= seenAt + afterMs && keys.listening()) {
      pressed = true;
      keys.press(key);
    }
    return sleep(ms, signal);
  };
}

describe('keys in the countdowns of spasm start (hands-free)', () => {
  it('Enter in the cold pack after 8 minutes: the step is done, 8 minutes recorded', async () => {
    const f = fakeDeps({ now: NOW });
    pressDuring(f, 'Cold pack: 20 min.', 'enter', 8 * 60_000);
    await start({ pain: '6', redFlags: 'none', handsFree: true, onset: '1h ago' }, f.deps);
    const [e] = (await f.deps.store.read()).episodes;
    expect(e!.steps.find((s) => s.id === 'cold')?.status).toBe('done');
    expect(e!.therapy).toHaveLength(1);
    expect(Date.parse(e!.therapy[0]!.end) - Date.parse(e!.therapy[0]!.start)).toBe(8 * 60_000);
  });

  it('s in the cold pack after 5 minutes: the step is skipped, the 5 minutes kept, the walk-through goes on', async () => {
    const f = fakeDeps({ now: NOW });
    pressDuring(f, 'Cold pack: 20 min.', 'skip', 5 * 60_000);
    await start({ pain: '6', redFlags: 'none', handsFree: true, onset: '1h ago' }, f.deps);
    const [e] = (await f.deps.store.read()).episodes;
    const cold = e!.steps.findIndex((s) => s.id === 'cold');
    expect(e!.steps[cold]!.status).toBe('skipped');
    // Every step before and after it ran to its end.
    expect(e!.steps.filter((_, i) => i !== cold).every((s) => s.status === 'done')).toBe(true);
    expect(e!.steps.length).toBeGreaterThan(cold + 1);
    expect(Date.parse(e!.therapy[0]!.end) - Date.parse(e!.therapy[0]!.start)).toBe(5 * 60_000);
  });
});

describe('keys in the countdowns of spasm routine (hands-free)', () => {
  it('s in a hold skips that exercise; the others are done', async () => {
    const f = fakeDeps({ now: NOW });
    pressDuring(f, 'Rep 2/5: hold 5 s', 'skip');
    await routine({ handsFree: true, painBefore: '2', painAfter: '1' }, f.deps);
    const [session] = (await f.deps.store.read()).sessions();
    expect(session!.exercises[0]).toEqual({ id: 'pelvic-tilt', status: 'skipped' });
    expect(session!.exercises.slice(1).every((e) => e.status === 'done')).toBe(true);
  });

  it('Enter while getting into position starts the first hold at once', async () => {
    const f = fakeDeps({ now: NOW });
    pressDuring(f, 'Get into position for', 'enter', 3000);
    const t0 = Date.parse(NOW);
    const holdAt: number[] = [];
    const stream = f.deps.io.progressStream();
    const write = stream.write.bind(stream);
    f.deps.io.progressStream = () => ({ ...stream, write: (s: string) => (s.startsWith('Rep 1/5: hold') && holdAt.push(f.deps.clock.now().getTime() - t0), write(s)) }) as NodeJS.WriteStream;
    await routine({ handsFree: true, painBefore: '2', painAfter: '1' }, f.deps);
    expect(holdAt[0]).toBe(3000);
  });
});
