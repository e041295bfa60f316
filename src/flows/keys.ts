// Key presses during a countdown (SPEC.md `timer`): Enter ends it early as
// done, `s` skips it, `p` pauses and resumes, `q` leaves a wait. The terminal
// is in raw mode while a countdown listens, so no key echoes or moves the
// live line; Ctrl-C then arrives as a byte and is turned back into SIGINT.

export type CountdownKey = 'enter' | 'skip' | 'pause' | 'quit';

/** Where key presses come from: the terminal, or a test. */
export interface KeySource {
  /** Calls `onKey` for each key press until the returned function is called. */
  listen(onKey: (key: CountdownKey) => void): () => void;
}

/** The countdown key of one chunk of terminal input, or null for any other key (arrows, Space, Esc, letters). */
export function keyOf(data: string): CountdownKey | null {
  if (data === '\r' || data === '\n' || data === '\r\n') return 'enter';
  if (data === 's' || data === 'S') return 'skip';
  if (data === 'p' || data === 'P') return 'pause';
  if (data === 'q' || data === 'Q') return 'quit';
  return null;
}

/**
 * The terminal's keys. stdin is touched only when a countdown listens (building
 * the stream costs start-up time), and is left paused and in cooked mode after,
 * so the prompts that follow find it as they expect.
 */
export function terminalKeys(proc: NodeJS.Process): KeySource {
  return {
    listen(onKey) {
      const stdin = proc.stdin;
      if (!stdin.isTTY) return () => {};
      const onData = (chunk: Buffer | string) => {
        const data = String(chunk);
        // Ctrl-C: the same path as a SIGINT from a cooked terminal (run.ts saves and exits 130).
        if (data.includes('\u0003')) return void proc.kill(proc.pid, 'SIGINT');
        const key = keyOf(data);
        if (key) onKey(key);
      };
      stdin.setRawMode(true);
      stdin.on('data', onData);
      stdin.resume();
      return () => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
      };
    },
  };
}
