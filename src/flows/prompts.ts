import { stderr } from '../stdio.js';

// Every question spasm asks goes through these wrappers, which import the
// prompt packages only when a question is asked (they cost start-up time).
// Ctrl-C inside a prompt rejects with inquirer's ExitPromptError; see isPromptExit.

/** A heading between choices (inquirer's separator): shown, never chosen. */
export interface Separator {
  type: 'separator';
  separator: string;
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
  disabled?: boolean | string;
}

export interface Prompter {
  select<T>(options: { message: string; choices: Choice<T>[]; default?: T; pageSize?: number }): Promise<T>;
  checkbox<T>(options: { message: string; choices: (Choice<T> | Separator)[]; pageSize?: number; required?: boolean }): Promise<T[]>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
  input(options: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
}

// Questions are drawn on standard error, like all messages (SPEC.md section 3):
// standard output carries only the result, so `spasm log --json > file`
// asks on the terminal and writes nothing but the record to the file.
const context = () => ({ output: stderr.stream() });

export const prompter: Prompter = {
  async select(options) {
    const { default: select } = await import('@inquirer/select');
    return select(options as never, context());
  },
  async checkbox(options) {
    const { default: checkbox } = await import('@inquirer/checkbox');
    return checkbox(options as never, context());
  },
  async confirm(options) {
    const { default: confirm } = await import('@inquirer/confirm');
    return confirm(options, context());
  },
  async input(options) {
    const { default: input } = await import('@inquirer/input');
    return input(options, context());
  },
};

/** True when the user left a prompt with Ctrl-C (inquirer's ExitPromptError). */
export function isPromptExit(error: unknown): boolean {
  return (error as Error)?.name === 'ExitPromptError' || (error as Error)?.name === 'AbortPromptError';
}

/**
 * Runs a question (or a run of them). Ctrl-C inside it calls `onCancel`,
 * which throws the command's own message of what was kept, or returns what
 * stands for the answer. The one place that turns inquirer's exit into the command's.
 */
export async function cancelable<T, U = never>(ask: () => Promise<T>, onCancel: () => U): Promise<T | U> {
  try {
    return await ask();
  } catch (error) {
    if (isPromptExit(error)) return onCancel();
    throw error;
  }
}
