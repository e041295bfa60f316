// The one place that turns errors into messages and exit codes.
import { readFileSync } from 'node:fs';
import type { OutputConfiguration } from 'commander';
import type { MakeDeps } from './cli.js';
import { argumentName, badArgument, splitCmdline } from './core/args.js';
import { printable, wrap } from './core/text.js';
import { ExitCode, SpasmError, UsageError } from './errors.js';
import { interruptAction } from './interrupt.js';
import { isTerminal, stderr, stdout } from './stdio.js';

const interrupt = new AbortController();

// Ctrl-C outside a prompt: commands that run timers watch the signal, save
// what was done and exit 130 themselves. Anything else is given a moment to
// finish, then stopped; a second Ctrl-C stops at once.
let firstInterrupt: number | undefined;
process.on('SIGINT', () => {
  const action = interruptAction(firstInterrupt, Date.now());
  if (action === 'exit') process.exit(ExitCode.Interrupted);
  if (action === 'ignore') return;
  firstInterrupt = Date.now();
  interrupt.abort();
  setTimeout(() => process.exit(ExitCode.Interrupted), 2_000).unref();
});

/** Where a run writes its messages: process.stderr, or a capture in tests. */
export interface Stderr {
  write(text: string): unknown;
  /** Its width, when it is a terminal. */
  columns?(): number | undefined;
}

function exitCodeFor(error: unknown, debug: boolean, stderr: Stderr): number {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    // Help and version end "with an error" in commander's terms; they are success.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(code)) return ExitCode.Ok;
    return ExitCode.Usage; // commander already printed its one line
  }
  if (error instanceof SpasmError && error.exitCode === ExitCode.Interrupted) {
    // Ctrl-C is not a mistake: say calmly what was kept, without "spasm:".
    const width = Math.min(stderr.columns?.() || 80, 100);
    stderr.write(`\n${printable(error.message).split('\n').map((line) => wrap(line, width)).join('\n')}\n`);
    return error.exitCode;
  }
  if (error instanceof SpasmError) {
    // Values in messages were made inert where they were put in (inert());
    // printable() here is the backstop: no control character reaches the terminal.
    stderr.write(`spasm: ${printable(error.message)}\n${error.hint ? `${printable(error.hint)}\n` : ''}`);
    if (debug && error.stack) stderr.write(`${printable(error.stack)}\n`);
    return error.exitCode;
  }
  // inquirer's ExitPromptError: Ctrl-C in a question that no command caught.
  if ((error as Error)?.name === 'ExitPromptError') {
    stderr.write('\nStopped.\n');
    return ExitCode.Interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`spasm: unexpected error: ${printable(message).split('\n')[0]}\n`);
  stderr.write(debug && error instanceof Error ? `${printable(error.stack ?? '')}\n` : 'Run again with --debug for details.\n');
  return ExitCode.Failure;
}

/** The bytes of this process's command line, where the system gives them (Linux). */
function rawCommandLine(): Uint8Array[] | undefined {
  try {
    return splitCmdline(readFileSync('/proc/self/cmdline'));
  } catch {
    return undefined;
  }
}

/** Refuses an argument that is not UTF-8 (SPEC.md section 3): it would be stored as U+FFFD. */
export function checkArguments(argv: readonly string[], raw: () => Uint8Array[] | undefined = rawCommandLine): void {
  if (!argv.some((arg) => arg.includes('\ufffd'))) return;
  const bad = badArgument(argv, raw());
  if (bad >= 0) throw new UsageError(`${argumentName(argv, bad)} is not valid UTF-8 text`, 'type it again in a terminal set to UTF-8');
}

/** What a run needs from outside: tests give captures and fake deps. */
export interface RunContext {
  makeDeps: MakeDeps;
  stderr: Stderr;
  /** Commander's own output (help, its error lines). */
  output?: OutputConfiguration;
  rawArgs?: () => Uint8Array[] | undefined;
}

/** Runs the command line `argv` (without node and the script); returns the exit code. */
export async function execute(argv: string[], version: string, context: RunContext): Promise<number> {
  try {
    checkArguments(argv, context.rawArgs);
    const { createProgram } = await import('./cli.js');
    const program = createProgram(version, context.makeDeps, context.output ?? {});
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.Ok;
  } catch (error) {
    return exitCodeFor(error, argv.includes('--debug'), context.stderr);
  }
}

/** Runs the command line `argv` in this process and sets process.exitCode. */
export async function run(argv: string[], version: string): Promise<void> {
  const code = await execute(argv, version, {
    stderr: { write: (text) => stderr.write(text), columns: () => (isTerminal(2) ? stderr.stream().columns : undefined) },
    // commander's own lines too, and no stream built to ask for colours its help never has or a width it is given (80).
    output: { writeOut: (text) => stdout.write(text), writeErr: (text) => stderr.write(text), getOutHasColors: () => false, getErrHasColors: () => false, getOutHelpWidth: () => 80, getErrHelpWidth: () => 80 },
    makeDeps: async (globals) => {
      const { createDeps } = await import('./deps.js');
      return createDeps(globals, process, interrupt.signal);
    },
  });
  if (code !== ExitCode.Ok) process.exitCode = code;
}
