// The questions of an interactive `log add` and `log edit`, in the order a
// person remembers an episode: when, how bad, how long, why, what helped.
import { checkNote, endOf, parseLabels, type EpisodeFields } from '../core/log.js';
import { msOf, type Episode, type Legs } from '../core/records.js';
import { FUTURE_TOLERANCE_MS, ms, parseDuration, parseWhen, printable } from '../core/time.js';
import type { LogOption, LogOptions } from '../data/types.js';
import { askPain, askWhen } from './ask.js';
import type { Choice, Prompter } from './prompts.js';
import { humanTime } from '../ui/style.js';

const OTHER = '\u0000other';
const KEEP = '\u0000keep';
const ONGOING = '\u0000ongoing';
const TYPED = '\u0000typed';

/** Quick answers to "how long did it last?", in milliseconds. */
const QUICK_DURATIONS: readonly { name: string; ms: number }[] = [
  { name: 'A few hours', ms: 3 * ms.hour },
  { name: 'About a day', ms: ms.day },
  { name: '2–3 days', ms: 60 * ms.hour },
  { name: 'About a week', ms: 7 * ms.day },
];

/** A prompt validator from a checking function that throws. */
function validator(check: (value: string) => unknown) {
  return (value: string): true | string => {
    try {
      check(value);
      return true;
    } catch (error) {
      return `${(error as Error).message}.`;
    }
  };
}

/** Still going, or how long it lasted (quick choices, or typed). */
async function askLasted(prompt: Prompter, now: Date, onsetMs: number, current?: Episode): Promise<Pick<EpisodeFields, 'ongoing' | 'lastedMs'>> {
  const choices: Choice<string>[] = [{ name: 'Still going', value: ONGOING }];
  if (current?.endedAt) choices.push({ name: `Ended ${humanTime(new Date(current.endedAt), now)} (keep)`, value: KEEP });
  for (const d of QUICK_DURATIONS) {
    const tooLong = onsetMs + d.ms > now.getTime() + FUTURE_TOLERANCE_MS;
    choices.push({ name: d.name, value: String(d.ms), disabled: tooLong ? '(longer than since it began)' : false });
  }
  choices.push({ name: 'Type how long (45m, 5h, 2d, 1d12h)', value: TYPED });
  const pick = await prompt.select({ message: 'Is it still going, or how long did it last?', choices, default: current?.endedAt ? KEEP : ONGOING });
  if (pick === ONGOING) return { ongoing: true };
  if (pick === KEEP) return {};
  if (pick !== TYPED) return { lastedMs: Number(pick) };
  const text = await prompt.input({
    message: 'How long did it last?',
    validate: validator((v) => endOf(onsetMs, parseDuration(v, 'That duration'), now)),
  });
  return { lastedMs: parseDuration(text, 'duration') };
}

/** Several typed entries: separated by commas, empty ones ignored. */
function splitTyped(text: string): string[] {
  return text.split(',').filter((s) => s.trim());
}

/** A checklist of the common answers plus "something else…" for free text; returns stored values. */
export async function askLabels(prompt: Prompter, message: string, known: readonly LogOption[], current: readonly string[]): Promise<string[]> {
  const extra = current.filter((v) => !known.some((o) => o.id === v));
  const choices: Choice<string>[] = [
    ...known.map((o) => ({ name: o.label, value: o.id, checked: current.includes(o.id) })),
    ...extra.map((v) => ({ name: printable(v), value: v, checked: true })),
    { name: 'Something else…', value: OTHER },
  ];
  const picked = await prompt.checkbox({ message, choices, pageSize: 16 });
  const values = picked.filter((v) => v !== OTHER);
  if (!picked.includes(OTHER)) return values;
  const typed = await prompt.input({
    message: 'What else? (commas between several)',
    validate: validator((v) => parseLabels(splitTyped(v), known, 'Each entry')),
  });
  for (const v of parseLabels(splitTyped(typed), known, 'entry')) if (!values.includes(v)) values.push(v);
  return values;
}

/** How far the pain spread; when editing an episode that never recorded it, leaving it unrecorded is the default. */
export async function askLegs(prompt: Prompter, options: LogOptions, current: Legs | null, editing: boolean): Promise<Legs | undefined> {
  const choices: Choice<Legs | typeof KEEP>[] = options.legs.map((l) => ({ name: l.label, value: l.id }));
  if (editing && current === null) choices.push({ name: 'Leave it unrecorded', value: KEEP });
  const pick = await prompt.select<Legs | typeof KEEP>({
    message: 'How far did the pain spread down the leg?',
    choices,
    default: current ?? (editing ? KEEP : 'none'),
  });
  return pick === KEEP ? undefined : pick;
}

async function askNote(prompt: Prompter, current: string): Promise<string> {
  if (current) {
    const preview = [...printable(current.replace(/\s+/g, ' '))];
    const pick = await prompt.select({
      message: 'The note',
      choices: [
        { name: `Keep it: "${preview.length > 40 ? `${preview.slice(0, 39).join('')}…` : preview.join('')}"`, value: KEEP },
        { name: 'Write a new note', value: TYPED },
        { name: 'Remove the note', value: '' },
      ],
    });
    if (pick === KEEP) return current;
    if (pick === '') return '';
  }
  return prompt.input({ message: current ? 'New note' : 'A note? (Enter to skip)', validate: validator((v) => checkNote(v, 'The note')) });
}

/** Interactive `log add`: asks every field the flags did not give. */
export async function askNewEpisode(prompt: Prompter, now: Date, options: LogOptions, given: EpisodeFields): Promise<EpisodeFields> {
  const fields = { ...given };
  fields.onset ??= await askWhen(prompt, now, 'When did it begin?');
  fields.pain ??= await askPain(prompt, 'How bad was the pain at its worst?');
  if (fields.lastedMs === undefined && !fields.ongoing) Object.assign(fields, await askLasted(prompt, now, fields.onset.getTime()));
  fields.triggers ??= await askLabels(prompt, 'What set it off?', options.triggers, []);
  fields.helped ??= await askLabels(prompt, 'What helped?', options.helped, []);
  fields.legs ??= await askLegs(prompt, options, null, false);
  fields.note ??= await askNote(prompt, '');
  return fields;
}

/** Interactive `log edit`: asks each field with the current value as the default. */
export async function askEpisodeEdit(prompt: Prompter, now: Date, options: LogOptions, episode: Episode): Promise<EpisodeFields> {
  const onsetText = await prompt.input({
    message: 'When did it begin?',
    default: episode.onset,
    validate: validator((v) => parseWhen(v, now, 'That time')),
  });
  const onset = parseWhen(onsetText, now, 'time');
  const fields: EpisodeFields = onsetText === episode.onset ? {} : { onset };
  fields.pain = await askPain(prompt, 'How bad was the pain at its worst?', episode.peakPain ?? undefined);
  const current = episode.endedAt && msOf(episode.endedAt) > onset.getTime() ? episode : { ...episode, endedAt: null };
  Object.assign(fields, await askLasted(prompt, now, onset.getTime(), current));
  fields.triggers = await askLabels(prompt, 'What set it off?', options.triggers, episode.triggers);
  fields.helped = await askLabels(prompt, 'What helped?', options.helped, episode.helped);
  fields.legs = await askLegs(prompt, options, episode.legs, true);
  fields.note = await askNote(prompt, episode.notes);
  return fields;
}
