/**
 * What the readable formats (text, markdown, html) show, as plain strings,
 * so the three say the same thing in the same words. User text (triggers,
 * notes, ...) stays raw here: each renderer escapes it for its medium.
 */
import { durationDays, painBuckets, type Report, type ReportJson } from '../../core/report.js';
import { msOf, type Legs, type Tier } from '../../core/records.js';
import { formatClock, formatDate, ms, printable, round1 } from '../../core/time.js';

/** Names for the ids stored in records, from data/ (log options, the red-flag screen). */
export interface ReportLabels {
  triggers: ReadonlyMap<string, string>;
  helped: ReadonlyMap<string, string>;
  legs: ReadonlyMap<Legs, string>;
  redFlags: ReadonlyMap<string, string>;
  tiers: ReadonlyMap<Exclude<Tier, 'none'>, string>;
  /** Self-care facts for the person (clinical.md section 1), after the advice. */
  goodToKnow?: readonly string[];
  /** Exercise names by id (the library and the program). */
  exercises?: ReadonlyMap<string, string>;
}

/** The latest episode's course, as the readable formats show it. */
export interface CourseView {
  heading: string;
  rows: [string, string][];
  /** PSFS items: activity, first, latest, change as text, important. */
  function: { activity: string; first: string; latest: string; change: string; important: boolean }[];
  /** One line on the mean and what counts as an important change. */
  functionNote: string;
  medicines: { label: string; count: number }[];
}

export interface EpisodeRow {
  id: string;
  onset: string;
  lasted: string;
  worst: string;
  legs: string;
  recurrence: boolean;
  triggers: string[];
  helped: string[];
  notes: string;
}

export interface ReportView {
  title: string;
  /** "For Sam Jones", or null when no name is set. */
  patient: string | null;
  course: CourseView | null;
  exercises: { label: string; done: number; skipped: number; stopped: number }[];
  period: string;
  generated: string;
  summary: [string, string][];
  /** Sentences about episodes that began before the period and went on into it. */
  carriedOver: string[];
  /** Highest pain per slice of the period (null: nothing recorded), and what one slice is. */
  chart: { buckets: (number | null)[]; sliceDays: number; start: string; end: string };
  triggers: { label: string; count: number }[];
  helped: { label: string; count: number }[];
  legs: { label: string; count: number }[];
  /** Emergency screens first, then same-day ones, each oldest first. */
  redFlags: { when: string; episodeId: string; tier: string; urgent: boolean; emergency: boolean; flags: string[] }[];
  routine: [string, string][];
  weeks: { start: string; sessions: number }[];
  advice: { urgent: boolean; text: string }[];
  episodes: EpisodeRow[];
  /** What "recurrence" in the episode table means. */
  recurrenceNote: string;
}

/** A stored time as people read it, in local time: 2026-11-27 09:20. */
export function when(iso: string): string {
  const date = new Date(msOf(iso));
  return `${formatDate(date)} ${formatClock(date)}`;
}

/** User text made safe to show: line ends unified, control characters and escapes made visible. */
export function clean(text: string): string {
  return printable(text.replace(/\r\n?/g, '\n'));
}

export function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The readable report; `slices` is how many marks the pain chart has. */
export function reportView(report: Report, labels: ReportLabels, slices: number): ReportView {
  const { json } = report;
  const s = json.summary;
  const label = (map: ReadonlyMap<string, string>, name: string) => map.get(name) ?? name;
  const none = 'no data';

  const summary: [string, string][] = [
    ['Episodes', s.episodes === 0 ? 'none in this period' : `${s.episodes}, of which ${plural(s.recurrences, 'recurrence')}`],
    ['First onset', s.firstOnset ? when(s.firstOnset) : none],
    ['Last onset', s.lastOnset ? when(s.lastOnset) : none],
    ['Median interval', s.medianDaysBetween === null ? 'needs two episodes' : `${days(s.medianDaysBetween)} between onsets`],
    ['Worst pain', s.maxPeakPain === null ? none : `mean ${s.meanPeakPain} / 10, highest ${s.maxPeakPain} / 10`],
    ['Median duration', s.medianDurationDays === null ? 'no ended episode' : `${days(s.medianDurationDays)} (ended episodes)`],
    ['Ongoing', s.ongoing ? `${s.ongoing.id}, ${days(s.ongoing.daysSinceOnset)} since onset` : 'none'],
  ];
  const carriedOver = report.carriedOver.map(
    (e) => `Episode ${e.id} began before this period (${when(e.onset)}) and ${e.endedAt ? `lasted until ${when(e.endedAt)}` : 'was still going on'}; it is not counted above.`,
  );

  const r = json.routine;
  const routine: [string, string][] = [
    ['Sessions', r.sessions === 0 ? 'none in this period' : `${r.sessions} in the period, on ${plural(r.activeDays, 'day')}`],
    ['Current streak', r.streakDays === 0 ? 'no session today or yesterday' : `${plural(r.streakDays, 'day')} in a row`],
    ['Pain', r.meanPainBefore === null && r.meanPainAfter === null ? 'not rated' : `mean ${r.meanPainBefore ?? '-'} / 10 before a session, ${r.meanPainAfter ?? '-'} / 10 after`],
  ];

  const tierText = (tier: Tier) => (tier === 'none' ? 'no red flag' : label(labels.tiers, tier));
  return {
    title: 'Back spasm report',
    patient: json.patient.name === null ? null : `For ${json.patient.name}`,
    course: courseView(report, json.course),
    exercises: r.exercises.map((x) => ({ label: labels.exercises?.get(x.id) ?? x.id, done: x.done, skipped: x.skipped, stopped: x.stopped })),
    period: `${formatDate(report.since)} to ${formatDate(report.until)}`,
    generated: when(json.generatedAt),
    summary,
    carriedOver,
    chart: {
      buckets: painBuckets(report.pain, report.since, report.until, slices),
      sliceDays: round1((report.until.getTime() - report.since.getTime()) / ms.day / slices),
      start: formatDate(report.since),
      end: formatDate(report.until),
    },
    triggers: json.triggers.map((n) => ({ label: label(labels.triggers, n.name), count: n.count })),
    helped: json.helped.map((n) => ({ label: label(labels.helped, n.name), count: n.count })),
    legs: [
      ...Object.entries(json.legs).map(([leg, count]) => ({ label: label(labels.legs, leg), count })),
      { label: 'Not recorded', count: json.episodes.filter((e) => e.legs === null).length },
    ],
    redFlags: [...json.redFlags]
      .sort((a, b) => Number(b.tier === 'emergency') - Number(a.tier === 'emergency'))
      .map((f) => ({
        when: when(f.at),
        episodeId: f.episodeId,
        tier: tierText(f.tier),
        urgent: f.tier !== 'none',
        emergency: f.tier === 'emergency',
        flags: f.positive.map((id) => label(labels.redFlags, id)),
      })),
    routine,
    weeks: r.weeks.map((w) => ({ start: formatDate(new Date(msOf(w.start))), sessions: w.sessions })),
    advice: [
      ...json.advice.map((a) => ({ urgent: a.code === 'seek-emergency-care' || a.code === 'seek-same-day-care', text: a.text })),
      // One entry for all of them, so the page stays one page.
      ...(labels.goodToKnow?.length ? [{ urgent: false, text: `Good to know: ${labels.goodToKnow.join(' ')}` }] : []),
    ],
    recurrenceNote: `recurrence: began ${report.recurrenceGapDays} days or more after the episode before it ended`,
    episodes: json.episodes.map((e) => {
      const d = durationDays(e);
      return {
        id: e.id,
        onset: when(e.onset),
        lasted: d === null ? 'not ended' : days(round1(d)),
        worst: e.peakPain === null ? '-' : `${e.peakPain}/10`,
        legs: e.legs === null ? 'not recorded' : label(labels.legs, e.legs),
        recurrence: report.recurrences.has(e.id),
        triggers: e.triggers.map((n) => label(labels.triggers, n)),
        helped: e.helped.map((n) => label(labels.helped, n)),
        notes: e.notes,
      };
    }),
  };
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function courseView(report: Report, c: ReportJson['course']): CourseView | null {
  if (!c) return null;
  const e = report.json.episodes.find((x) => x.id === c.episodeId);
  const p = c.pain;
  const score = (n: number | null) => (n === null ? '-' : `${n}`);
  const rows: [string, string][] = [
    ['Pain', p.first === null ? 'not rated' : `first ${score(p.first)}, best ${score(p.best)}, worst ${score(p.worst)}, latest ${score(p.latest)} (out of 10)`],
    ['Slept badly', c.nightsSleptBadly === 0 ? 'no night recorded' : plural(c.nightsSleptBadly, 'night')],
    ['Missed work', c.daysMissedWork === 0 ? 'no day recorded' : plural(c.daysMissedWork, 'day')],
  ];
  const m = c.psfsMean;
  return {
    heading: `Latest episode: ${c.episodeId}${e ? `, began ${when(e.onset)}${e.endedAt ? `, ended ${when(e.endedAt)}` : ', not ended'}` : ''}`,
    rows,
    function: c.function.map((f) => ({ activity: f.activity, first: `${f.first}`, latest: `${f.latest}`, change: signed(f.change), important: f.important })),
    functionNote: m
      ? `Mean ${m.first} → ${m.latest} (${signed(m.change)})${m.important ? ', an important change' : ''}. 0 = unable, 10 = as before; a change of 3 for one activity, 2 for the mean, is important (PSFS).`
      : 'No activity rated (PSFS).',
    medicines: c.medicines.map((x) => ({ label: x.name, count: x.count })),
  };
}
