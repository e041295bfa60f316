// The one place that turns errors into messages and exit codes.
import { wrap } from './core/text.js';
import { ExitCode, SpasmError } from './errors.js';
import { interruptAction } from './interrupt.js';

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

function exitCodeFor(error: unknown, debug: boolean): number {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    // Help and version end "with an error" in commander's terms; they are success.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(code)) return ExitCode.Ok;
    return ExitCode.Usage; // commander already printed its one line
  }
  if (error instanceof SpasmError && error.exitCode === ExitCode.Interrupted) {
    // Ctrl-C is not a mistake: say calmly what was kept, without "spasm:".
    const width = Math.min(process.stderr.columns || 80, 100);
    process.stderr.write(`\n${error.message.split('\n').map((line) => wrap(line, width)).join('\n')}\n`);
    return error.exitCode;
  }
  if (error instanceof SpasmError) {
    process.stderr.write(`spasm: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  // inquirer's ExitPromptError: Ctrl-C in a question that no command caught.
  if ((error as Error)?.name === 'ExitPromptError') {
    process.stderr.write('\nStopped.\n');
    return ExitCode.Interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`spasm: unexpected error: ${message}\n`);
  process.stderr.write(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for details.\n');
  return ExitCode.Failure;
}

/** Runs the command line `argv` (without node and the script) and sets process.exitCode. */
export async function run(argv: string[], version: string): Promise<void> {
  try {
    const { createProgram } = await import('./cli.js');
    const program = createProgram(
      version,
      async (globals) => {
        const { createDeps } = await import('./deps.js');
        return createDeps(globals, process, interrupt.signal);
      },
    );
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    process.exitCode = exitCodeFor(error, argv.includes('--debug'));
  }
}
