import type { CountdownKey, KeySource } from '../../src/flows/keys.js';
import type { FakeDeps } from './fake-deps.js';

/** Key presses for a countdown, sent by the test; `listening` tells whether a countdown listens now. */
export function fakeKeys() {
  let handler: ((key: CountdownKey) => void) | null = null;
  const source: KeySource = {
    listen(onKey) {
      handler = onKey;
      return () => void (handler = null);
    },
  };
  return {
    source,
    listening: () => handler !== null,
    press(key: CountdownKey) {
      handler?.(key);
    },
  };
}

/**
 * Presses keys at program times: before each sleep of the fake clock, every
 * press due by now is sent (once). Times are ISO date-times.
 */
export function pressAt(f: FakeDeps, presses: [string, CountdownKey][]): ReturnType<typeof fakeKeys> {
  const keys = fakeKeys();
  f.deps.keys = keys.source;
  const pending = presses.map(([at, key]) => ({ at: Date.parse(at), key }));
  const sleep = f.deps.clock.sleep;
  f.deps.clock.sleep = async (ms, signal) => {
    const now = f.deps.clock.now().getTime();
    const due = pending.filter((p) => p.at <= now && keys.listening());
    for (const p of due) {
      pending.splice(pending.indexOf(p), 1);
      keys.press(p.key);
    }
    if (due.length) await Promise.resolve();
    return sleep(ms, signal);
  };
  return keys;
}
