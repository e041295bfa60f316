// A nearly full disk, for real: a 512 KiB tmpfs in a user and mount
// namespace (unshare), where the machine allows one. conf's writer ignores a
// short write; spasm reads the file back, puts the old store back, exit 3.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { history } from '../../scripts/gen-store.mjs';
import { BIN } from '../helpers/cli.js';

const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs "$TMPDIR"'], { encoding: 'utf8' });
const canMount = probe.status === 0;
if (!canMount) console.log(`full-disk test not run: this machine allows no tmpfs in a user namespace (${(probe.stderr || probe.error?.message || '').trim()})`);

describe.runIf(canMount)('a full disk (tmpfs)', () => {
  it('a write that does not fit fails with exit 3 and leaves the store byte for byte, with no leftovers', () => {
    const work = mkdtempSync(join(tmpdir(), 'spasm-full-'));
    const mount = join(work, 'disk');
    mkdirSync(mount);
    const exported = join(work, 'one-year.json');
    writeFileSync(exported, JSON.stringify(history(Date.parse('2026-11-27T10:00:00+01:00'), 1)));
    const data = join(mount, 'data');
    // Import (about 170 KB), fill the disk to leave less than one more copy, then try to add one episode.
    const script = `set -e
      mount -t tmpfs -o size=512k tmpfs "${mount}"
      "${process.execPath}" "${BIN}" import "${exported}" --data-dir "${data}" >/dev/null
      free=$(df -k --output=avail "${mount}" | tail -1)
      head -c $(( (free - 60) * 1024 )) /dev/zero > "${mount}/filler"
      sha256sum "${data}/spasm.json" | cut -d' ' -f1
      set +e
      "${process.execPath}" "${BIN}" log --onset "2h ago" --pain 4 --lasted 1h --data-dir "${data}"
      echo "exit=$?"
      sha256sum "${data}/spasm.json" | cut -d' ' -f1
      ls -A "${data}"
      "${process.execPath}" "${BIN}" status --json --data-dir "${data}" >/dev/null; echo "status=$?"`;
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const lines = r.stdout.trim().split('\n');
    expect(r.stderr).toMatch(/^spasm: cannot write the store .*(only \d+ of \d+ bytes reached the disk|the disk is full)/m);
    expect(lines).toContain('exit=3');
    expect(lines[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[lines.indexOf('exit=3') + 1]).toBe(lines[0]);
    expect(lines.slice(lines.indexOf('exit=3') + 2, -1).sort()).toEqual(['spasm.json', 'spasm.json.verified']);
    expect(lines.at(-1)).toBe('status=0');
  }, 60_000);
});
