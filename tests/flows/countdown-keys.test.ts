import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { keyHint, runCountdown } from '../../src/flows/countdown.js';
import { keyOf, type CountdownKey } from '../../src/flows/keys.js';
import { fakeClock } from '../helpers/fake-deps.js';
import { fakeKeys } from '../helpers/fake-keys.js';

describe('keyOf', () => {
  it.each<[string, CountdownKey | null]>([
    ['\r', 'enter'],
    ['\n', 'enter'],
    ['s', 'skip'],
    ['S', 'skip'],
    ['p', 'pause'],
    ['q', 'quit'],
    [' ', null], // Space
    ['\u001b', null], // Esc
    ['\u001b[A', null], // an arrow
    ['x', null],
    ['ss', null], // a paste, not a key
  ])('%j → %s', (data, key) => expect(keyOf(data)).toBe(key));
});

describe('keyHint', () => {
  it.each([
    [{ enter: 'done', skip: 'skip', pause: true }, false, 'Enter: done · s: skip · p: pause · Ctrl-C: stop'],
    [{ quit: 'leave' }, false, 'q: leave · Ctrl-C: stop'],
    [{ enter: 'done', pause: true }, true, 'Paused. p: go on · Ctrl-C: stop'],
  ])('%j, paused %s → %s', (keys, paused, hint) => expect(keyHint({ source: fakeKeys().source, ...keys }, paused)).toBe(hint));
});

function terminal() {
  let written = '';
  const stream = Object.assign(new Writable({ write: (chunk, _e, done) => ((written += String(chunk)), done()) }), {
    isTTY: true,
    columns: 80,
    rows: 24,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written };
}

describe('runCountdown with keys, on a terminal', () => {
  it('shows the hint line under the live line, "Paused" while paused, and ignores keys it does not take', async () => {
    const clock = fakeClock('2026-11-27T10:00:00+01:00');
    const keys = fakeKeys();
    const t = terminal();
    const presses: [number, CountdownKey][] = [
      [2000, 'quit'], // not a key of this countdown
      [3000, 'pause'],
      [8000, 'pause'],
      [9000, 'enter'],
    ];
    const sleep = clock.sleep;
    clock.sleep = async (ms, signal) => {
      const elapsed = clock.now().getTime() - Date.parse('2026-11-27T10:00:00+01:00');
      while (presses.length && presses[0]![0] <= elapsed) keys.press(presses.shift()![1]);
      return sleep(ms, signal);
    };
    const result = await runCountdown({
      clock,
      durationMs: 60_000,
      signal: new AbortController().signal,
      tty: true,
      stream: t.stream,
      keys: { source: keys.source, enter: 'done', skip: 'skip', pause: true },
      render: (frame) => `left ${frame.remainingMs / 1000}`,
    });
    expect(t.written()).toContain('left 60\nEnter: done · s: skip · p: pause · Ctrl-C: stop');
    expect(t.written()).toContain('Paused. p: go on · Ctrl-C: stop');
    expect(result).toMatchObject({ ended: 'early', completed: true, activeMs: 4000 });
    expect(keys.listening()).toBe(false);
  });
});
