// Writes a spasm export document of a history of some years: 30 episodes and
// 365 daily routine sessions a year (10 years: 300 and 3,650), deterministic
// (seeded), for `npm run bench`.
// Usage: node scripts/gen-store.mjs <file> [endIso] [years, default 10]
import { writeFileSync } from 'node:fs';

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const idFor = (prefix, n) => {
  let s = '';
  for (let i = 0; i < 4; i++, n = Math.floor(n / ALPHABET.length)) s = ALPHABET[n % ALPHABET.length] + s;
  return prefix + s;
};
let seed = 20261127;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const pick = (list) => list[Math.floor(random() * list.length)];
const pad = (n) => String(n).padStart(2, '0');
const iso = (ms) => {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
};

export function history(endMs, years = 10) {
  seed = 20261127;
  const DAY = 86_400_000;
  const days = 365 * years;
  const count = 30 * years;
  const start = endMs - days * DAY;
  const episodes = [];
  for (let i = 0; i < count; i++) {
    const onset = start + i * ((days - 10) / count) * DAY + Math.floor(random() * 5) * 3_600_000;
    const lastsDays = 1 + Math.floor(random() * 9);
    const worst = 3 + Math.floor(random() * 8);
    const ended = i === count - 1 ? null : onset + lastsDays * DAY;
    const pain = [0, 1, 2].map((k) => ({ at: iso(onset + k * 6 * 3_600_000), score: Math.max(0, worst - k) }));
    episodes.push({
      id: idFor('e', i),
      onset: iso(onset),
      endedAt: ended === null ? null : iso(ended),
      source: i % 3 === 0 ? 'log' : 'start',
      pain,
      peakPain: worst,
      triggers: [pick(['bending', 'lifting', 'sneezing', 'twisting', 'sitting-long'])],
      helped: [pick(['heat', 'cold', 'rest-position', 'breathing', 'stretches'])],
      legs: pick(['none', 'none', 'buttock', 'thigh', 'below-knee']),
      notes: i % 10 === 0 ? 'Worse after a long drive; eased with heat and walking.' : '',
      redFlags: { at: iso(onset), positive: [], tier: 'none' },
      steps: ['rest-position', 'breathing', 'cold', 'straighten-up', 'stretches'].map((id, k) => ({ id, status: 'done', at: iso(onset + (k + 1) * 600_000) })),
      therapy: [0, 1, 2].map((k) => ({ kind: 'cold', start: iso(onset + (k * 2 + 1) * 3_600_000), end: iso(onset + (k * 2 + 1) * 3_600_000 + 1_200_000) })),
      // A daily check-in on the days the episode lasted (no random draws, so the rest stays as it was).
      activities: ['walking', 'sitting at work'],
      checkins: Array.from({ length: lastsDays }, (_, k) => ({
        at: iso(onset + (k + 1) * DAY),
        pain: Math.max(0, worst - k - 1),
        function: [{ activity: 'walking', score: Math.min(10, 3 + k) }, { activity: 'sitting at work', score: Math.min(10, 2 + k) }],
        medicines: k < 3 ? ['ibuprofen 400 mg'] : [],
        sleptBadly: k < 2,
        missedWork: k === 0,
        notes: '',
      })),
    });
  }
  const exercises = ['pelvic-tilt', 'knee-to-chest-single', 'knee-rolls', 'childs-pose', 'cat-cow', 'hamstring-stretch', 'piriformis-stretch'];
  const routineSessions = [];
  for (let d = 0; d < days; d++) {
    routineSessions.push({
      id: idFor('r', d),
      at: iso(start + d * DAY + 8 * 3_600_000),
      program: 'default',
      painBefore: Math.floor(random() * 4),
      painAfter: Math.floor(random() * 3),
      exercises: exercises.map((id) => ({ id, status: random() < 0.95 ? 'done' : 'skipped' })),
    });
  }
  return { format: 'spasm-export', schemaVersion: 2, exportedAt: iso(endMs), episodes, routineSessions, settings: {} };
}

export const tenYears = (endMs) => history(endMs, 10);

// Only when run as a script, not when bench.mjs imports it.
if (import.meta.url === `file://${process.argv[1]}` && process.argv[2]) {
  const end = process.argv[3] ? Date.parse(process.argv[3]) : Date.now();
  writeFileSync(process.argv[2], JSON.stringify(history(end, Number(process.argv[4] ?? 10))));
}
