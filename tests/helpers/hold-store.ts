// A writer that holds the store's lock for a while: run with
// `node --import tsx tests/helpers/hold-store.ts <data-dir> <ms>`. It says
// "holding" once it holds the lock, stays busy for <ms> (a synchronous
// phase, as a big import is), then adds one episode.
import { openStore } from '../../src/store/index.js';
import { episode } from './records.js';

const [dir, ms] = process.argv.slice(2);
await openStore(dir!).update((doc) => {
  process.stdout.write('holding\n');
  const until = Date.now() + Number(ms);
  while (Date.now() < until);
  doc.episodes.push(episode({ id: 'ehhhh', onset: '2026-11-20T08:00:00+01:00' }));
});
process.stdout.write('saved\n');
