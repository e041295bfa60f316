// The quick check-in of --stay: the pain now, recorded as a pain rating on
// the ongoing episode. Kept in one function so it can become `spasm checkin`'s
// own flow once that command exists.
import { ongoingEpisode, recordPain } from '../core/episodes.js';
import { formatIso } from '../core/time.js';
import { loadProtocol } from '../data/index.js';
import type { Deps } from '../deps.js';
import { askPain } from './ask.js';

/** Asks the pain and records it; says where it went. Without an ongoing episode it is not asked. */
export async function quickCheckin(deps: Deps): Promise<void> {
  const th = loadProtocol().thresholds;
  const doc = await deps.store.read();
  if (!ongoingEpisode(doc.episodes, deps.clock.now(), th)) return void deps.io.err('There is no ongoing episode to record it on.\n');
  const pain = await askPain(deps.prompt, 'How bad is the pain right now?');
  const id = await deps.store.update((fresh) => {
    const episode = ongoingEpisode(fresh.episodes, deps.clock.now(), th);
    if (episode) recordPain(episode, formatIso(deps.clock.now()), pain);
    return episode?.id;
  });
  deps.io.err(id ? `Pain ${pain} out of 10, saved on episode ${id}.\n` : 'Not saved: the episode is no longer ongoing.\n');
}
