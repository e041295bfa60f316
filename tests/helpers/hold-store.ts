// A writer that holds the store's lock for a while: run with
// `node --import tsx tests/helpers/hold-store.ts <data-dir> <ms> [<release-file>]`
// (or bundled, as tests/store/hardening.test.ts does). It says
// "holding" once it holds the lock, stays blocked for <ms> or until
// <release-file> exists (a synchronous phase, as a big import is), then adds one episode.
import { existsSync } from 'node:fs';
import { openStore } from '../../src/store/index.js';
import { episode } from './records.js';

const [dir, ms, release] = process.argv.slice(2);
await openStore(dir!).update((doc) => {
  process.stdout.write('holding\n');
  // Blocked rather than spinning: the event loop stalls all the same, and the
  // machine's other core stays free for the writer that waits.
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (const until = Date.now() + Number(ms); Date.now() < until && !(release && existsSync(release)); ) Atomics.wait(cell, 0, 0, 5);
  doc.episodes.push(episode({ id: 'ehhhh', onset: '2026-11-20T08:00:00+01:00' }));
});
process.stdout.write('saved\n');
