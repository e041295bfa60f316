// Episodes as text for a terminal. Every piece of user text goes through
// printable(), so a note cannot steer the terminal (SPEC.md section 3).
import { compareText } from '../core/text.js';
import { msOf, type Episode } from '../core/records.js';
import { formatClock, formatDate, formatSpan, printable } from '../core/time.js';
import type { LogOption, LogOptions } from '../data/types.js';
import { humanTime, makeStyle, wrap } from './style.js';

/** How an episode stands: the word shown for it (never colour alone). */
export type EpisodeState = 'ongoing' | 'not ended' | 'ended';

export function stateOf(episode: Episode, ongoingId: string | null): EpisodeState {
  if (episode.endedAt !== null) return 'ended';
  return episode.id === ongoingId ? 'ongoing' : 'not ended';
}

/** A stored trigger/helped value as a person reads it: the option's label, or the free text. */
function labelOf(value: string, known: readonly LogOption[]): string {
  return printable(known.find((o) => o.id === value)?.label ?? value);
}

/** One line of user text for a table cell: whitespace runs (newlines too) become one space. */
function oneLine(text: string): string {
  return printable(text.replace(/\s+/g, ' ').trim());
}

function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function lastedText(episode: Episode, state: EpisodeState): string {
  if (episode.endedAt !== null) return formatSpan(msOf(episode.endedAt) - msOf(episode.onset));
  return state;
}

/** `spasm log list`: aligned columns, newest first, the ongoing episode marked with a word and a symbol. */
export function renderEpisodeList(episodes: readonly Episode[], ongoingId: string | null, color: boolean, width = 80): string {
  const c = makeStyle(color);
  const newest = [...episodes].sort((a, b) => msOf(b.onset) - msOf(a.onset) || compareText(b.id, a.id));
  const rows = newest.map((e) => {
    const state = stateOf(e, ongoingId);
    const onset = new Date(e.onset);
    return {
      mark: state === 'ongoing' ? '>' : ' ',
      id: e.id,
      began: `${formatDate(onset)} ${formatClock(onset)}`,
      lasted: lastedText(e, state),
      pain: e.peakPain === null ? '-' : `${e.peakPain}/10`,
      legs: e.legs ?? '-',
      triggers: e.triggers.length ? oneLine(e.triggers.join(', ')) : '-',
      state,
    };
  });
  const head = { mark: ' ', id: 'id', began: 'began', lasted: 'lasted', pain: 'worst', legs: 'legs', triggers: 'triggers' };
  const w = {
    id: Math.max(head.id.length, ...rows.map((r) => r.id.length)),
    began: 16,
    lasted: Math.max(head.lasted.length, ...rows.map((r) => r.lasted.length)),
    pain: 5,
    legs: Math.max(head.legs.length, ...rows.map((r) => r.legs.length)),
  };
  const fixed = 2 + w.id + 2 + w.began + 2 + w.lasted + 2 + w.pain + 2 + w.legs + 2;
  // A narrow terminal: the triggers go on a line of their own under each row, wrapped at words.
  const below = width - fixed < 12;
  const triggersWidth = Math.max(10, width - fixed);
  const line = (r: typeof head) =>
    `${r.mark} ${r.id.padEnd(w.id)}  ${r.began.padEnd(w.began)}  ${r.lasted.padEnd(w.lasted)}  ${r.pain.padEnd(w.pain)}  ${r.legs.padEnd(w.legs)}  ${below ? '' : clip(r.triggers, triggersWidth)}`.trimEnd();
  const out = [c.dim(line(below ? { ...head, triggers: '' } : head))];
  for (const r of rows) {
    const text = line(r);
    out.push(r.state === 'ongoing' ? c.bold(text) : text);
    if (below && r.triggers !== '-') {
      // Whole words; only a word longer than the line is cut (a pasted URL), and at most two lines.
      const words = clip(r.triggers, 2 * (width - 14)).split(' ').flatMap((word) => word.match(new RegExp(`.{1,${width - 14}}`, 'gu')) ?? []);
      out.push(`    ${wrap(`triggers: ${words.join(' ')}`, width - 4, 4)}`);
    }
  }
  out.push('');
  const ongoing = rows.find((r) => r.state === 'ongoing');
  out.push(wrap(`${rows.length} ${rows.length === 1 ? 'episode' : 'episodes'}${ongoing ? `; > marks the ongoing one (${ongoing.id})` : ''}.`, width));
  out.push(wrap(`Full record: spasm log show <id> (the first letters of the id will do)`, width).replace('spasm log show <id>', c.bold('spasm log show <id>')));
  return `${out.join('\n')}\n`;
}

/** `spasm log show` and the end of an interactive add: the whole record, label and value. */
export function renderEpisode(episode: Episode, ongoingId: string | null, now: Date, options: LogOptions, color: boolean, width = 80): string {
  const c = makeStyle(color);
  const labelWidth = 12;
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`${c.dim(label.padEnd(labelWidth))}${wrap(value, width - labelWidth, labelWidth)}`);
  const state = stateOf(episode, ongoingId);
  const onset = new Date(episode.onset);
  const source = episode.source === 'log' ? 'recorded with spasm log' : 'from spasm start';
  lines.push(`${c.bold(`Episode ${episode.id}`)}  ${c.dim(`(${source})`)}`);
  row('Began', `${humanTime(onset, now)}  (${episode.onset})`);
  if (episode.endedAt !== null) {
    const end = new Date(episode.endedAt);
    row('Ended', `${humanTime(end, now)}, after ${formatSpan(end.getTime() - onset.getTime())}`);
  } else {
    const sofar = `${formatSpan(now.getTime() - onset.getTime())} since it began`;
    row('Ended', state === 'ongoing' ? c.bold(`ongoing, ${sofar}`) : `not ended (no end recorded), ${sofar}`);
  }
  row('Worst pain', episode.peakPain === null ? 'not rated' : `${episode.peakPain} out of 10`);
  if (episode.pain.length > 1) {
    row('Pain', episode.pain.map((p) => `${p.score} at ${humanTime(new Date(p.at), now)}`).join('; '));
  }
  const list = (values: readonly string[], known: readonly LogOption[]) => (values.length ? values.map((v) => labelOf(v, known)).join('; ') : '-');
  row('Triggers', list(episode.triggers, options.triggers));
  row('Helped', list(episode.helped, options.helped));
  row('Leg spread', episode.legs === null ? '-' : (options.legs.find((l) => l.id === episode.legs)?.label ?? episode.legs));
  if (episode.redFlags) {
    const rf = episode.redFlags;
    row('Red flags', `${rf.tier === 'none' ? 'none' : `${rf.tier}: ${rf.positive.join(', ')}`} (screened ${humanTime(new Date(rf.at), now)})`);
  }
  if (episode.steps.length) row('Steps', episode.steps.map((s) => `${s.id} ${s.status}`).join(', '));
  if (episode.therapy.length) {
    row('Cold/heat', episode.therapy.map((s) => `${s.kind} ${humanTime(new Date(s.start), now)}–${formatClock(new Date(s.end))}`).join('; '));
  }
  if (episode.notes.trim()) {
    lines.push(c.dim('Note'));
    for (const paragraph of printable(episode.notes).split('\n')) lines.push(`  ${wrap(paragraph, width - 2, 2)}`.trimEnd());
  } else row('Note', '-');
  return `${lines.join('\n')}\n`;
}
