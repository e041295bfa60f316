import { stripVTControlCharacters } from 'node:util';
import { BIN } from './cli.js';

/** Keys to send to a pseudo-terminal. */
export const keys = { enter: '\r', up: '\u001b[A', down: '\u001b[B', space: ' ', ctrlC: '\u0003' } as const;

export interface PtySession {
  /** Everything shown so far, without escape sequences. */
  screen(): string;
  write(data: string): void;
  /** Resolves when the screen (since `fromIndex`, default: the whole output) matches; rejects after `timeout`. */
  waitFor(pattern: string | RegExp, timeout?: number, fromIndex?: number): Promise<void>;
  /** The output length now, to wait for something new after it. */
  mark(): number;
  exited: Promise<number>;
  kill(): void;
}

/**
 * Runs the built binary in a real pseudo-terminal, 80 columns wide. With
 * `stdoutFile`, standard output goes to that file (as `spasm … > file` in a
 * shell) while standard error and input stay on the terminal.
 */
export async function spawnPty(args: string[], env: Record<string, string | undefined>, options: { stdoutFile?: string } = {}): Promise<PtySession> {
  const pty = await import('node-pty');
  const fullEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, FORCE_COLOR: undefined, ...env })) if (v !== undefined) fullEnv[k] = v;
  // The shell holds the terminal open a moment after spasm exits: node-pty can lose what was
  // written just before the last process on the terminal closed it (microsoft/node-pty#72), and
  // that is where "Stopped." stands. It catches Ctrl-C only to keep waiting (spasm's own
  // handling is untouched: a trapped signal is reset in the program it starts).
  const run = options.stdoutFile ? 'out="$1"; shift; "$@" > "$out"' : '"$@"';
  const argv = ['-c', `trap true INT; ${run}; rc=$?; sleep 0.05; exit $rc`, 'sh', ...(options.stdoutFile ? [options.stdoutFile] : []), process.execPath, BIN, ...args];
  const term = pty.spawn('/bin/sh', argv, { name: 'xterm-256color', cols: 80, rows: 30, env: fullEnv });
  let output = '';
  let lastData = Date.now();
  term.onData((d) => {
    output += d;
    lastData = Date.now();
  });
  // Resolve once the screen has been quiet for 100 ms (at most 1 s after the exit).
  const exited = new Promise<number>((done) =>
    term.onExit(({ exitCode }) => {
      const exitedAt = Date.now();
      const settle = () => (Date.now() - lastData >= 40 || Date.now() - exitedAt > 1_000 ? done(exitCode) : setTimeout(settle, 25));
      settle();
    }),
  );
  const screen = () => stripVTControlCharacters(output);
  return {
    screen,
    write: (data) => term.write(data),
    mark: () => screen().length,
    waitFor(pattern: string | RegExp, timeout = 10_000, fromIndex = 0) {
      return new Promise<void>((done, fail) => {
        const started = Date.now();
        const check = () => {
          const text = screen().slice(fromIndex);
          // Found: let the program finish drawing and start listening before the test types,
          // as a person would (a key sent in the same instant can arrive before the question listens).
          if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return void setTimeout(done, 15);
          if (Date.now() - started > timeout) return fail(new Error(`timed out waiting for ${pattern}; screen:\n${screen()}`));
          setTimeout(check, 10);
        };
        check();
      });
    },
    exited,
    kill: () => term.kill(),
  };
}
