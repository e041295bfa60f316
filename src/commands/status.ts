import { toJson } from '../core/text.js';
import { lapsedEpisode } from '../core/episodes.js';
import { computeStatus } from '../core/status.js';
import { loadProtocol, loadRedFlags } from '../data/index.js';
import type { Deps } from '../deps.js';

/** Options of `spasm status`. */
export interface StatusOptions {
  /** Print the JSON object of SPEC.md section 4. */
  json?: boolean;
}

export async function status(opts: StatusOptions, deps: Deps): Promise<void> {
  const doc = await deps.store.read();
  const now = deps.clock.now();
  const protocol = loadProtocol();
  const result = computeStatus(doc.episodes, now, protocol);
  if (opts.json) return deps.io.out(toJson(result));
  const { renderStatus } = await import('../ui/render-status.js');
  const lapsed = result.episode ? null : lapsedEpisode(doc.episodes, now, protocol.thresholds);
  deps.io.out(renderStatus(result, now, deps.io.color, Math.min(deps.io.columns, 100), lapsed, loadRedFlags().watchFor));
}
