import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/clock.js';
import type { Deps, Io } from '../../src/deps.js';
import { openStore } from '../../src/store/index.js';
import { screenPrompter } from './screen.js';

/** A fresh temp data directory (not created inside: the store creates it with mode 0700). */
export function tempDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'spasm-test-')), 'data');
}

/** A clock that stands still until a sleep moves it forward: timers finish at once. */
export function fakeClock(start: Date | string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return {
    scale: 1,
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
    async sleep(ms: number, signal?: AbortSignal) {
      if (signal?.aborted) return false;
      now += ms;
      await Promise.resolve();
      return !signal?.aborted;
    },
  };
}

export interface FakeDeps {
  deps: Deps;
  clock: ReturnType<typeof fakeClock>;
  interrupt: AbortController;
  /** Everything written to standard output / standard error so far. */
  stdout(): string;
  stderr(): string;
}

/** Deps over a real store in a temp dir, a fake clock and captured output. */
export function fakeDeps(options: { now: Date | string; dataDir?: string; interactive?: boolean; columns?: number; rows?: number; random?: () => number }): FakeDeps {
  let out = '';
  let err = '';
  const clock = fakeClock(options.now);
  const interrupt = new AbortController();
  const interactive = options.interactive ?? false;
  const progressStream = { write: (s: string) => ((err += s), true), isTTY: false } as unknown as NodeJS.WriteStream;
  const io: Io = {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    progressStream: () => progressStream,
    stdoutIsTTY: interactive,
    stderrIsTTY: false,
    stdinIsTTY: interactive,
    interactive,
    color: false,
    errColor: false,
    columns: options.columns ?? 80,
    rows: options.rows ?? 24,
  };
  let seed = 1;
  const deps: Deps = {
    clock,
    store: openStore(options.dataDir ?? tempDataDir()),
    io,
    // Questions are drawn on the test screen (tests/helpers/screen.ts), never on the real terminal.
    prompt: screenPrompter,
    env: {},
    signal: interrupt.signal,
    random: options.random ?? (() => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646),
  };
  return { deps, clock, interrupt, stdout: () => out, stderr: () => err };
}
