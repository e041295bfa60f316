import { screen } from './screen.js';
import { expect } from 'vitest';

/** Waits for the next open question that shows `expected`, then answers it with keys (one character types it). */
export async function answer(expected: string, ...keys: (string | { name: string })[]): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await screen.next();
    const text = screen.getScreen();
    if (text.includes(expected) && text.trimStart().startsWith('?')) break;
  }
  expect(screen.getScreen()).toContain(expected);
  for (const key of keys) {
    if (typeof key === 'string' && key.length === 1 && key !== ' ') screen.type(key);
    else screen.keypress(typeof key === 'string' ? (key === ' ' ? 'space' : key) : key);
  }
}
