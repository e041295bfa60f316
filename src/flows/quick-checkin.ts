// The check-in offered by --stay between sessions: `spasm checkin`'s own
// questions (pain first, each other one skipped with Enter), recorded as a
// check-in on the ongoing episode.
import { ongoingEpisode } from '../core/episodes.js';
import { loadProtocol } from '../data/index.js';
import type { Deps } from '../deps.js';

/** Runs the check-in; without an ongoing episode it says so and asks nothing. */
export async function quickCheckin(deps: Deps): Promise<void> {
  const doc = await deps.store.read();
  if (!ongoingEpisode(doc.episodes, deps.clock.now(), loadProtocol().thresholds)) return void deps.io.err('There is no ongoing episode to record a check-in on.\n');
  const { checkin } = await import('../commands/checkin.js');
  await checkin({}, deps);
}
