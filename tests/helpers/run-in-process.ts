// Runs a whole command line in this process, as bin/spasm.js would, over fake
// deps (a temp store, a fixed clock, captured output): the refusal tables
// check exit codes and messages without starting a process per row.
import { execute } from '../../src/run.js';
import type { Stdio, StdioWriter } from '../../src/stdio.js';
import { fakeDeps, type FakeDeps } from './fake-deps.js';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `argv` through the real program (commander, the rules, the command) and run.ts's error mapping. */
export async function runInProcess(argv: string[], f: FakeDeps, raw?: Uint8Array[]): Promise<InProcessResult> {
  const outBefore = f.stdout().length;
  const errBefore = f.stderr().length;
  let commander = '';
  let messages = '';
  const code = await execute(argv, '0.0.0-test', {
    makeDeps: () => f.deps,
    stderr: { write: (s: string) => void (messages += s) },
    output: { writeOut: (s) => void (commander += s), writeErr: (s) => void (messages += s) },
    rawArgs: () => raw,
  });
  return { code, stdout: f.stdout().slice(outBefore) + commander, stderr: f.stderr().slice(errBefore) + messages };
}

export { fakeDeps };

/**
 * As runInProcess, but the deps are what bin/spasm.js would build (deps.ts's
 * createDeps) from `env` and the global options: the clock from SPASM_NOW,
 * the store from --data-dir or SPASM_DATA_DIR, colour from NO_COLOR,
 * FORCE_COLOR and --no-color. Standard output and error are captures that
 * say they are terminals when `tty` is set.
 */
export async function runWithEnv(argv: string[], env: Record<string, string>, options: { tty?: boolean } = {}): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  // Never the worker's own standard output: captures, a terminal or not as asked.
  const writer = (sink: (s: string) => void): StdioWriter => ({ write: sink, stream: () => ({ columns: 80, write: (s: string) => (sink(s), true) }) as unknown as NodeJS.WriteStream });
  const stdio: Stdio = { stdout: writer((s) => (stdout += s)), stderr: writer((s) => (stderr += s)), isTerminal: (fd) => fd !== 0 && (options.tty ?? false) };
  const proc = { env } as unknown as NodeJS.Process;
  const code = await execute(argv, '0.0.0-test', {
    makeDeps: async (globals) => (await import('../../src/deps.js')).createDeps(globals, proc, new AbortController().signal, stdio),
    stderr: { write: (s: string) => void (stderr += s) },
    output: { writeOut: (s) => void (stdout += s), writeErr: (s) => void (stderr += s) },
    rawArgs: () => undefined,
  });
  return { code, stdout, stderr };
}
