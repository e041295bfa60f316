// @inquirer/testing's Screen, given to the commands through their prompt seam
// (`deps.prompt`) instead of through module mocks. '@inquirer/testing/vitest'
// mocks the prompt packages with vi.mock, which needs a worker of its own per
// file; a prompter handed in by fakeDeps needs none, so the command tests share
// workers with the rest of the suite. The Screen class is the package's own
// (dist/screen.js, which its `./vitest` entry re-exports); it is loaded by path
// because importing that entry would register the mocks.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeEach } from 'vitest';
import type { Screen as ScreenType } from '@inquirer/testing/vitest';
import type { Prompter } from '../../src/flows/prompts.js';

const entry = createRequire(import.meta.url).resolve('@inquirer/testing');
const { Screen } = (await import(join(dirname(entry), 'screen.js'))) as { Screen: typeof ScreenType };

/** The one screen of this worker: what the questions drew, and the keys to send them. */
export const screen = new Screen();

type Prompt = (config: never, context: object) => Promise<unknown>;

/** Runs a real inquirer prompt on the screen's input and a new output of it, as @inquirer/testing's wrapPrompt does. */
function onScreen(load: () => Promise<{ default: unknown }>) {
  return async (config: unknown): Promise<never> => {
    const prompt = (await load()).default as Prompt;
    const answer = prompt(config as never, { input: screen.input, output: screen.createOutput() });
    screen.setActivePromise(answer);
    return answer as Promise<never>;
  };
}

/** The prompter fakeDeps gives every command: its questions are drawn on `screen`. */
export const screenPrompter: Prompter = {
  select: onScreen(() => import('@inquirer/select')),
  checkbox: onScreen(() => import('@inquirer/checkbox')),
  confirm: onScreen(() => import('@inquirer/confirm')),
  input: onScreen(() => import('@inquirer/input')),
};

/** Call at the top of a test file that reads the screen: it starts empty for each test. */
export function useScreen(): ScreenType {
  beforeEach(() => screen.clear());
  return screen;
}
