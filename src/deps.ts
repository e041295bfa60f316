import { createClock, type Clock } from './clock.js';
import { openStore, resolveDataDir, type Store } from './store/index.js';
import type { Companion } from './flows/companion.js';
import { terminalKeys, type KeySource } from './flows/keys.js';
import { prompter, type Prompter } from './flows/prompts.js';
import { processStdio, type Stdio } from './stdio.js';

/** Where output goes and what kind of terminal it is. */
export interface Io {
  /** Standard output: the result. */
  out(text: string): void;
  /** Standard error: messages and progress. */
  err(text: string): void;
  /** The stream spinners and countdowns draw on (stderr), built when first asked for. */
  progressStream(): NodeJS.WriteStream;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** May we ask questions? stdin and stderr are both terminals. */
  interactive: boolean;
  /** Colour on standard output / standard error (each only on a terminal unless forced). */
  color: boolean;
  errColor: boolean;
  columns: number;
  /** The terminal's height (24 when unknown), for lists that must fit on one screen. */
  rows: number;
}

/** The one injection seam: the clock, the store, the terminal, the questions, Ctrl-C. */
export interface Deps {
  clock: Clock;
  store: Store;
  io: Io;
  prompt: Prompter;
  env: NodeJS.ProcessEnv;
  /** Aborted when the user presses Ctrl-C outside a prompt. */
  signal: AbortSignal;
  /** Random numbers in [0, 1), for ids. */
  random(): number;
  /** Key presses in countdowns (Enter, s, p, q), when standard input is a terminal. */
  keys?: KeySource;
  /** Voice and notifications, set up by the commands that run timers (flows/companion.ts). */
  companion?: Companion;
}

/** Global options of SPEC.md section 2, as commander parsed them. */
export interface GlobalOptions {
  dataDir?: string;
  color?: boolean;
  debug?: boolean;
}

/** Colour per SPEC.md: --no-color and NO_COLOR turn it off, FORCE_COLOR on, else only on a terminal. */
function wantsColor(globals: GlobalOptions, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (globals.color === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export function createDeps(globals: GlobalOptions, proc: NodeJS.Process, signal: AbortSignal, stdio: Stdio = processStdio): Deps {
  const env = proc.env;
  const { isTerminal, stdout, stderr } = stdio;
  // Asked of the descriptors, not of proc.stdout.isTTY and the like: those
  // getters build the streams (see src/stdio.ts) only to answer.
  const stdoutIsTTY = isTerminal(1);
  const stderrIsTTY = isTerminal(2);
  const stdinIsTTY = isTerminal(0);
  return {
    clock: createClock(env),
    store: openStore(resolveDataDir(globals.dataDir, env), { warn: (line) => stderr.write(`spasm: note: ${line}\n`) }),
    io: {
      out: (text) => stdout.write(text),
      err: (text) => stderr.write(text),
      progressStream: () => stderr.stream(),
      stdoutIsTTY,
      stderrIsTTY,
      stdinIsTTY,
      interactive: stdinIsTTY && stderrIsTTY,
      color: wantsColor(globals, env, stdoutIsTTY),
      errColor: wantsColor(globals, env, stderrIsTTY),
      columns: (stdoutIsTTY ? stdout.stream().columns : stderrIsTTY ? stderr.stream().columns : 0) || 80,
      rows: (stderrIsTTY ? stderr.stream().rows : 0) || 24,
    },
    prompt: prompter,
    env,
    signal,
    random: Math.random,
    ...(stdinIsTTY ? { keys: terminalKeys(proc) } : {}),
  };
}
