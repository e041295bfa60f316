// The screens of `spasm routine` around the exercises, and `spasm routine log`.
import type { RoutineSession, StepStatus } from '../core/records.js';
import { formatSpan, printable } from '../core/time.js';
import type { HomeProgram } from '../data/types.js';
import { humanTime, makeStyle, wrap } from './style.js';

/** The start: program, length, the stop rule always first, and how to stop. */
export function renderRoutineIntro(program: HomeProgram, stopRule: string, seconds: number, handsFree: boolean, color: boolean, width = 80, watchFor = ''): string {
  const c = makeStyle(color);
  const w = Math.min(width, 80) - 2;
  const n = program.exercises.length;
  const how = handsFree
    ? 'Hands-free: each exercise starts by itself, with a bell. Press Ctrl-C to stop at any time; what you did is kept.'
    : 'At each exercise you can start, skip it, or stop. Ctrl-C stops at any time; what you did is kept.';
  return [
    c.bold(printable(program.name)),
    `${n} ${n === 1 ? 'exercise' : 'exercises'}, about ${formatSpan(Math.ceil(seconds / 60) * 60_000)}.`,
    wrap(printable(program.description), w),
    '',
    c.red.bold(`! ${wrap(printable(stopRule), w - 2, 2)}`),
    ...(watchFor ? [c.red.bold(`! ${wrap(printable(watchFor), w - 2, 2)}`)] : []),
    ...(program.precautions ?? []).map((p) => `${c.yellow('Note:')} ${wrap(printable(p), w - 6, 6)}`),
    ...(program.walking ? ['', wrap(printable(program.walking.text), w)] : []),
    '',
    wrap(how, w),
    '',
  ].join('\n');
}

const count = (exercises: readonly { status: StepStatus }[], status: StepStatus) => exercises.filter((e) => e.status === status).length;

/** After the session: what was done, the pain change, and what to do if it hurt. */
export function renderRoutineSummary(session: RoutineSession, planned: number, hurt: boolean, color: boolean, width = 80): string {
  const c = makeStyle(color);
  const w = Math.min(width, 80) - 2;
  const done = count(session.exercises, 'done');
  const skipped = count(session.exercises, 'skipped');
  const stopped = count(session.exercises, 'stopped');
  const lines = ['', c.bold(`Session ${session.id} saved.`)];
  const parts = [`${done} of ${planned} done`];
  if (skipped) parts.push(`${skipped} skipped`);
  if (stopped) parts.push(`${stopped} stopped`);
  const notReached = planned - session.exercises.length;
  if (notReached > 0) parts.push(`${notReached} not reached`);
  lines.push(`Exercises: ${parts.join(', ')}.`);
  const { painBefore: before, painAfter: after } = session;
  let rose = false;
  if (before !== null && after !== null) {
    const change = after - before;
    rose = change > 0;
    const words = change === 0 ? 'the same' : change < 0 ? `down ${-change}` : `up ${change}`;
    lines.push(`Pain: ${before} before, ${after} after (${words}).`);
  }
  if (hurt || rose) {
    lines.push('');
    lines.push(c.yellow.bold(wrap(`${hurt ? 'You stopped because it hurt more.' : 'Your pain went up.'} Rest, and note it in your log: spasm log`, w)));
    lines.push(wrap('Your doses stay where they are until your sessions go well again. If the pain is severe or spreads down your leg, see your doctor.', w));
  } else if (done > 0) {
    lines.push(wrap('Well done. Doses grow slowly as your sessions keep going well.', w));
  }
  return `${lines.join('\n')}\n`;
}

/** Past sessions in aligned columns (in the order given). */
export function renderSessions(sessions: readonly RoutineSession[], now: Date, color: boolean, width = 80): string {
  const c = makeStyle(color);
  if (sessions.length === 0) return `No exercise sessions yet. Start one with: ${c.bold('spasm routine')}\n`;
  const programWidth = Math.max(7, Math.min(16, ...sessions.map((s) => s.program.length)));
  const rows = sessions.map((s) => {
    const pain = s.painBefore === null ? '–' : `${s.painBefore} → ${s.painAfter ?? '–'}`;
    const program = printable(s.program);
    return [
      humanTime(new Date(s.at), now),
      s.id,
      program.length > programWidth ? `${program.slice(0, programWidth - 1)}…` : program,
      String(count(s.exercises, 'done')),
      String(count(s.exercises, 'skipped')),
      String(count(s.exercises, 'stopped')),
      pain,
    ];
  });
  const header = ['When', 'Session', 'Program', 'Done', 'Skipped', 'Stopped', 'Pain'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const right = new Set([3, 4, 5]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .slice(0, Math.max(width, 40));
  const total = `${sessions.length} ${sessions.length === 1 ? 'session' : 'sessions'}, newest first. Pain is before → after.`;
  return `${c.bold(line(header))}\n${rows.map(line).join('\n')}\n\n${c.dim(total)}\n`;
}
