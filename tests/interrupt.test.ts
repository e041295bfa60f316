import { describe, expect, it } from 'vitest';
import { interruptAction } from '../src/interrupt.js';

describe('interruptAction', () => {
  it.each([
    ['the first Ctrl-C asks the command to stop', undefined, 1_000, 'stop'],
    ['the same press raised again by conf\'s exit hook is ignored', 1_000, 1_003, 'ignore'],
    ['just under the window: still the echo', 1_000, 1_499, 'ignore'],
    ['a second press, later, stops at once', 1_000, 1_500, 'exit'],
    ['a second press seconds later', 1_000, 4_000, 'exit'],
  ] as const)('%s', (_name, firstAt, now, action) => {
    expect(interruptAction(firstAt, now)).toBe(action);
  });
});
