import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCountdown, withWidth } from '../../src/flows/countdown.js';
import { fakeClock } from '../helpers/fake-deps.js';

/** A terminal as ora sees it, `columns` wide, that fails loudly if told to move up without end. */
function fakeTerminal(columns: number) {
  let written = '';
  let moves = 0;
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        written += String(chunk);
        done();
      },
    }),
    {
      isTTY: true,
      columns,
      rows: 24,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => {
        if (++moves > 1000) throw new Error('moved the cursor up more than 1000 times');
        return true;
      },
    },
  );
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written, moves: () => moves };
}

describe('withWidth', () => {
  it('a terminal that reports 0 columns counts as 80; one that reports its width is left as it is', () => {
    const zero = fakeTerminal(0).stream;
    expect(withWidth(zero).columns).toBe(80);
    expect(withWidth(zero).isTTY).toBe(true);
    const wide = fakeTerminal(100).stream;
    expect(withWidth(wide)).toBe(wide);
  });
});

describe('runCountdown on a terminal', () => {
  it.each([0, 80])('%d columns: the live line is drawn and redrawn in place', async (columns) => {
    const t = fakeTerminal(columns);
    const result = await runCountdown({
      clock: fakeClock('2026-11-27T10:00:00+01:00'),
      durationMs: 3000,
      signal: new AbortController().signal,
      tty: true,
      stream: t.stream,
      render: (frame) => `left ${frame.remainingMs / 1000}`,
    });
    expect(result.completed).toBe(true);
    expect(t.written()).toContain('left 3');
    expect(t.moves()).toBeLessThan(10);
  });
});
