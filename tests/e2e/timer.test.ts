// spasm timer through the built binary: --stay without a terminal, and the
// countdown keys in a real pseudo-terminal (issue #14).
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
  it('cold --stay --sessions 2 --hands-free without a terminal: two sessions, the wait between, both recorded', () => {
    const dataDir = tempDataDir();
    expect(runSpasm(['log', '--onset', '1h ago', '--pain', '6', '--ongoing'], { dataDir }).code).toBe(0);
    // 20 + 60 to 120 + 20 minutes of program time, 3000 times faster: about 2 to 3 s.
    // No notifier on this PATH: the notifications do nothing and say nothing.
    const r = runSpasm(['timer', 'cold', '--stay', '--sessions', '2', '--hands-free'], { dataDir, env: { SPASM_TIME_SCALE: '3000', PATH: '/nonexistent' }, timeout: 30_000 });
    expect(r.stderr).toContain('Time for your next cold session.');
    expect(r.stderr).not.toMatch(/notif|error/i);
    expect(r.code).toBe(0);
    const [first, second] = therapy(dataDir);
    expect(first!.end - first!.start).toBeGreaterThanOrEqual(20 * minute - 1000);
    expect(second!.end - second!.start).toBeGreaterThanOrEqual(20 * minute - 1000);
    // The second starts 1 to 2 hours (of the scaled clock) after the first ended.
    expect(second!.start - first!.end).toBeGreaterThanOrEqual(60 * minute);
    expect(second!.start - first!.end).toBeLessThanOrEqual(120 * minute);
    expect([first!.kind, second!.kind]).toEqual(['cold', 'cold']);
  });

  it('in a terminal: other keys change nothing; Enter ends the countdown early and the minutes it ran are recorded', async () => {
    const dataDir = tempDataDir();
    runSpasm(['log', '--onset', '1h ago', '--pain', '6', '--ongoing'], { dataDir });
    // 60 times faster: a program minute a real second.
    const term = await spawnPty(['timer', 'cold'], { SPASM_DATA_DIR: dataDir, SPASM_TIME_SCALE: '60', NO_COLOR: '1' });
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
    expect(term.screen()).toContain(`Done: ${Math.round(ran)} min of cold.`);
  });

  it('breathe --voice: the pacer runs to its end while the title is still being spoken', () => {
    // A speech command that takes a second: nothing else keeps the program alive while it waits for it.
    const dir = mkdtempSync(join(tmpdir(), 'spasm-slow-speech-'));
    writeFileSync(join(dir, 'espeak-ng'), '#!/bin/sh\ncat > /dev/null\nsleep 1\n');
    chmodSync(join(dir, 'espeak-ng'), 0o755);
    const r = runSpasm(['timer', 'breathe', '--minutes', '1', '--voice'], { dataDir: tempDataDir(), env: { SPASM_TIME_SCALE: '30', PATH: `${dir}:/usr/bin:/bin` } });
    expect(r.stderr).toContain('Done: 1 min of slow breathing.');
    expect(r.code).toBe(0);
  });
});
