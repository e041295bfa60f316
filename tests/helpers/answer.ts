import { screen } from './screen.js';
import { expect } from 'vitest';

type Key = string | { name: string; ctrl?: boolean };
const KEY_NAMES = new Set(['enter', 'space', 'up', 'down', 'left', 'right', 'backspace', 'tab', 'escape']);

/** Sends keys to the screen: a key's name presses it, " " is space, any other text is typed. */
function send(keys: Key[]): void {
  for (const key of keys) {
    if (typeof key !== 'string') screen.keypress(key);
    else if (key === ' ') screen.keypress('space');
    else if (KEY_NAMES.has(key)) screen.keypress(key);
    else screen.type(key);
  }
}

/** Waits for the next open question that shows `expected`, then answers it with keys. */
export async function answer(expected: string, ...keys: Key[]): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await screen.next();
    const text = screen.getScreen();
    if (text.includes(expected) && text.trimStart().startsWith('?')) break;
  }
  expect(screen.getScreen()).toContain(expected);
  send(keys);
}

/** The very next screen shows `expected`; then it is answered with keys. */
export async function next(expected: string, ...keys: Key[]): Promise<void> {
  await screen.next();
  expect(screen.getScreen()).toContain(expected);
  send(keys);
}
