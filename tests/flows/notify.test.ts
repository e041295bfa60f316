import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifyDesktop } from '../../src/flows/notify.js';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('notifyDesktop (node-notifier)', () => {
  it('sends through notify-send on Linux: the title and the message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spasm-notify-'));
    const log = join(dir, 'sent.log');
    writeFileSync(join(dir, 'notify-send'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done >> '${log}'\n`);
    chmodSync(join(dir, 'notify-send'), 0o755);
    vi.stubEnv('PATH', `${dir}:${process.env.PATH}`);
    await notifyDesktop('spasm', 'Cold pack: time is up.');
    expect(existsSync(log)).toBe(true);
    const args = readFileSync(log, 'utf8').split('\n');
    expect(args).toContain('spasm');
    expect(args).toContain('Cold pack: time is up.');
  });

  it('with no notifier on the PATH: resolves, and says nothing', async () => {
    vi.stubEnv('PATH', '/nonexistent');
    const stderr = vi.spyOn(process.stderr, 'write');
    const stdout = vi.spyOn(process.stdout, 'write');
    await expect(notifyDesktop('spasm', 'Cold pack: time is up.')).resolves.toBeUndefined();
    expect(stderr).not.toHaveBeenCalled();
    expect(stdout).not.toHaveBeenCalled();
  });
});
