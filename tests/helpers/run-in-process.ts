// Runs a whole command line in this process, as bin/spasm.js would, over fake
// deps (a temp store, a fixed clock, captured output): the refusal tables
// check exit codes and messages without starting a process per row.
import { execute } from '../../src/run.js';
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
