// A writer that holds the store's lock for a while: run with
// `node --import tsx tests/helpers/hold-store.ts <data-dir> <ms>` (or bundled,
// as tests/store/hardening.test.ts does). It says
// "holding" once it holds the lock, stays blocked for <ms> (a synchronous
// phase, as a big import is), then adds one episode.
import { openStore } from '../../src/store/index.js';
import { episode } from './records.js';

const [dir, ms] = process.argv.slice(2);
await openStore(dir!).update((doc) => {
  process.stdout.write('holding\n');
  // Blocked rather than spinning: the event loop stalls all the same, and the
  // machine's other core stays free for the writer that waits.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
  doc.episodes.push(episode({ id: 'ehhhh', onset: '2026-11-20T08:00:00+01:00' }));
});
process.stdout.write('saved\n');
