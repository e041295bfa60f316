// spasm timer through the built binary: the countdown keys in a real
// pseudo-terminal (issue #14), and a speech command that outlasts the pacer.
// --stay hands-free runs in process (tests/commands/stay.test.ts).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TherapySession } from '../../src/core/records.js';
import { runSpasm } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { keys, spawnPty } from '../helpers/pty.js';

const therapy = (dataDir: string) => (JSON.parse(runSpasm(['export'], { dataDir }).stdout).episodes[0].therapy as TherapySession[]).map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), kind: s.kind }));
const minute = 60_000;

describe('spasm timer (built binary)', () => {
  it('in a terminal: other keys change nothing; Enter ends the countdown early and the minutes it ran are recorded', async () => {
    const dataDir = tempDataDir();
    runSpasm(['log', '--onset', '1h ago', '--pain', '6', '--ongoing'], { dataDir });
    // 800 times faster: a program minute 75 ms.
    const term = await spawnPty(['timer', 'cold'], { SPASM_DATA_DIR: dataDir, SPASM_TIME_SCALE: '800', NO_COLOR: '1' });
    await term.waitFor('Enter: done · s: skip · p: pause · Ctrl-C: stop');
    const before = term.mark();
    term.write(' ');
    term.write('x');
    term.write('\u001b');
    term.write('q');
    await term.waitFor(/1[0-6]:\d\d left/, 15_000, before);
    // No key echoed: after the keys the screen shows only the countdown and its hint.
    expect(term.screen().slice(before)).not.toMatch(/[ x]q|\^\[/);
    term.write(keys.enter);
    expect(await term.exited).toBe(0);
    expect(term.screen()).toMatch(/Done: \d+ min of cold\./);
    const [session] = therapy(dataDir);
    const ran = (session!.end - session!.start) / minute;
    expect(ran).toBeGreaterThanOrEqual(3);
    expect(ran).toBeLessThan(11);
    // The line gives the minutes the countdown ran; at 800× a few real milliseconds between
    // that count and the record's end are seconds of program time, so allow its rounding.
    const shown = Number(/Done: (\d+) min of cold\./.exec(term.screen())?.[1]);
    expect(Math.abs(shown - ran)).toBeLessThanOrEqual(0.6);
  });

  it('breathe --voice: the pacer runs to its end while the title is still being spoken', () => {
    // A speech command that takes half a second: nothing else keeps the program alive while it waits for it.
    const dir = mkdtempSync(join(tmpdir(), 'spasm-slow-speech-'));
    writeFileSync(join(dir, 'espeak-ng'), '#!/bin/sh\ncat > /dev/null\nsleep 0.5\n');
    chmodSync(join(dir, 'espeak-ng'), 0o755);
    const r = runSpasm(['timer', 'breathe', '--minutes', '1', '--voice'], { dataDir: tempDataDir(), env: { SPASM_TIME_SCALE: '240', PATH: `${dir}:/usr/bin:/bin` } });
    expect(r.stderr).toContain('Done: 1 min of slow breathing.');
    expect(r.code).toBe(0);
  });
});
