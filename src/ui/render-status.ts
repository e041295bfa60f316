import { latestActivity } from '../core/episodes.js';
import type { Episode } from '../core/records.js';
import type { StatusJson } from '../core/status.js';
import { formatSpan } from '../core/time.js';
import { humanTime, makeStyle, wrap } from './style.js';

const PHASE_TEXT = {
  cold: 'cold: ice in a cloth, for the first 72 hours',
  heat: 'heat: moist heat, from 72 hours after onset',
};

/** `spasm status` as text: label, value; nothing carried by colour alone. */
export function renderStatus(status: StatusJson, now: Date, color: boolean, width = 80, lapsed: Episode | null = null, watchFor = ''): string {
  const c = makeStyle(color);
  const lines: string[] = [];
  const urgent = (a: StatusJson['advice'][number]) => a.code === 'seek-emergency-care' || a.code === 'seek-same-day-care';
  // Emergency or same-day advice comes first, above everything else (clinical.md section 2).
  for (const a of status.advice.filter(urgent)) lines.push(`${c.red.bold('! ')}${wrap(c.bold(a.text), width - 2, 2)}`, '');
  const row = (label: string, value: string) => lines.push(`${c.dim(label.padEnd(11))}${wrap(value, width - 11, 11)}`);
  if (!status.episode && lapsed) {
    // Not ended, but quiet for two weeks: no longer ongoing, and "no episode" would be untrue.
    const quiet = formatSpan(now.getTime() - latestActivity(lapsed));
    lines.push(wrap(`Episode ${lapsed.id} began ${humanTime(new Date(lapsed.onset), now)} and was never marked ended. Nothing has been recorded on it for ${quiet}, so it no longer counts as ongoing.`, width));
    lines.push(wrap(`If it is over: ${c.bold(`spasm log end ${lapsed.id}`)}. If a spasm is back: ${c.bold('spasm start')}.`, width));
  } else if (!status.episode) {
    lines.push('No ongoing episode.');
    lines.push(`If a spasm starts, run ${c.bold('spasm start')} for step-by-step first aid.`);
  } else {
    const e = status.episode;
    const onset = new Date(e.onset);
    lines.push(`${c.bold('Episode')} ${e.id}`);
    row('Began', `${humanTime(onset, now)} (${formatSpan(now.getTime() - onset.getTime())} ago)`);
    row('Pain', e.latestPain === null ? 'not rated yet' : `${e.latestPain} out of 10 (latest rating)`);
    // While an emergency answer stands the person should be on the way to care: no cold/heat phase, no next session.
    const emergency = status.advice.some((a) => a.code === 'seek-emergency-care');
    if (status.phase && !emergency) row('Phase', PHASE_TEXT[status.phase]);
    const last = status.lastTherapy;
    row('Last', last ? `${last.kind}, ${humanTime(new Date(last.start), now)} to ${humanTime(new Date(last.end), now).replace(/^today /, '')}` : 'no cold or heat session yet');
    const next = status.nextTherapy;
    if (next) {
      const earliest = new Date(next.earliest);
      const latest = new Date(next.latest);
      let when: string;
      if (latest.getTime() <= now.getTime()) when = 'due now';
      else if (earliest.getTime() <= now.getTime()) when = `due now (until ${humanTime(latest, now)})`;
      else when = `between ${humanTime(earliest, now)} and ${humanTime(latest, now).replace(/^today /, '')}`;
      row('Next', `${next.kind}, ${when}. Run: spasm timer ${next.kind}`);
    }
  }
  for (const a of status.advice.filter((a) => !urgent(a))) {
    lines.push('');
    lines.push(`${c.yellow('* ')}${wrap(a.text, width - 2, 2)}`);
  }
  if (watchFor && status.episode) lines.push('', wrap(watchFor, width));
  return `${lines.join('\n')}\n`;
}
