// The built binary where only a real process shows it (SPEC.md section 3):
// a closed pipe through a real `| head`, a full disk through a tiny tmpfs,
// and bytes in argv that are not UTF-8. Refusal tables are at the command
// level (tests/commands/bad-input.test.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenYears } from '../../scripts/gen-store.mjs';
import { BIN, runSpasm } from '../helpers/cli.js';

const NOW = '2026-11-27T10:00:00+01:00';
const dir = join(mkdtempSync(join(tmpdir(), 'spasm-harden-')), 'data');

/** Runs `command` in bash with the binary as $SPASM; returns stdout, stderr and the exit code of spasm (the pipe's first). */
function bash(command: string) {
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command}; echo "rc=\${PIPESTATUS[0]}" >&2`], {
    env: { ...process.env, SPASM: `${process.execPath} ${BIN}`, SPASM_DATA_DIR: dir, SPASM_NOW: NOW, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const rc = Number(/rc=(\d+)\n$/.exec(r.stderr)?.[1]);
  return { rc, stdout: r.stdout, stderr: r.stderr.replace(/rc=\d+\n$/, '') };
}

beforeAll(() => {
  // Ten years of history: export and routine log are far bigger than a pipe's buffer.
  const history = join(dir, '..', 'ten-years.json');
  writeFileSync(history, JSON.stringify(tenYears(Date.parse(NOW))));
  expect(runSpasm(['import', history], { dataDir: dir, env: { SPASM_NOW: NOW } }).code).toBe(0);
});

describe('a closed pipe on standard output ends quietly with exit 0', () => {
  it.each([
    // One large write, and many lines after the reader has gone: every command writes through the same stream.
    ['$SPASM export | head -c100', 100],
    ['$SPASM routine log | head -1', undefined],
  ])('%s', (command, bytes) => {
    const r = bash(command);
    expect(r.stderr).toBe('');
    expect(r.rc).toBe(0);
    if (bytes !== undefined) expect(r.stdout).toHaveLength(bytes);
    else expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('arguments that are not UTF-8 (the bytes of /proc/self/cmdline)', () => {
  it('a bad byte in --note is exit 2 naming the flag, nothing stored; a U+FFFD typed as such (valid UTF-8) is kept', () => {
    const small = `SPASM_DATA_DIR=${join(dir, '..', 'small')}`;
    const r = bash(`${small} $SPASM log --onset "2d ago" --pain 5 --ongoing --note $'caf\\xe9'`);
    expect(r.rc).toBe(2);
    expect(r.stderr).toBe('spasm: the value of --note is not valid UTF-8 text\ntype it again in a terminal set to UTF-8\n');
    expect(existsSync(join(dir, '..', 'small'))).toBe(false);
    const kept = bash(`${small} $SPASM log --onset "2d ago" --pain 5 --lasted 1h --note $'ok \\xef\\xbf\\xbd' --json`);
    expect(kept.rc).toBe(0);
    expect(JSON.parse(kept.stdout).notes).toBe('ok \ufffd');
  });
});

describe('a full disk: --output is exit 3, the old file untouched, no temp file left', () => {
  const mount = join(dir, '..', 'tiny');
  let mounted = false;
  beforeAll(() => {
    mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { stdio: 'pipe' });
      mounted = true;
    } catch (error) {
      console.log(`skipping the tmpfs checks: cannot mount a 64 KiB tmpfs here (${String((error as Error).message).split('\n')[0]}); the injected short write of tests/output-file.test.ts covers the same code`);
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [mount]);
    if (existsSync(mount)) rmdirSync(mount);
  });

  // report --output writes through the same writeOutputFile (tests/output-file.test.ts).
  it('export --output', () => {
    if (!mounted) return;
    const args = ['export', '--output'];
    const file = join(mount, 'out.json');
    writeFileSync(file, 'the old file\n');
    // Leave about one page free: any report or export is larger.
    writeFileSync(join(mount, 'filler'), Buffer.alloc(56 * 1024));
    const r = runSpasm([...args, file, '--force'], { dataDir: dir, env: { SPASM_NOW: NOW } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^spasm: --output ".*out\.json": the disk is full(: wrote [\d,]+ of [\d,]+ bytes| \(ENOSPC\)), so nothing was written\nfree some space or choose another place; the old file is as it was\n$/);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('the old file\n');
    expect(readdirSync(mount).sort()).toEqual(['filler', 'out.json']);
  });

  it('standard output redirected to a file on a full disk is exit 3, not a cut-off success', () => {
    if (!mounted) return;
    const r = bash(`$SPASM export > ${mount}/redirected.json`);
    expect(r.rc).toBe(3);
    expect(r.stderr).toMatch(/^spasm: cannot write standard output: the disk is full: wrote [\d,]+ of [\d,]+ bytes\nanything the command saved is saved; free some space to see its output\n$/);
  });
});
