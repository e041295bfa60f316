import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { start, type StartOptions } from '../../src/commands/start.js';
import type { Episode } from '../../src/core/records.js';
import { loadRedFlags } from '../../src/data/index.js';
import { answer, next } from '../helpers/answer.js';
import { fakeDeps, tempDataDir, type FakeDeps } from '../helpers/fake-deps.js';
import { useScreen } from '../helpers/screen.js';

const screen = useScreen();

const NOW = '2026-11-27T09:30:00+01:00';

/** Skips the end-of-walk questions of a new episode: trigger, leg spread, activities. */
async function skipEnd() {
  await answer('What set it off?', 'enter');
  await answer('How far did the pain spread down the leg?', 'enter'); // leave it unrecorded
  await answer('Name an activity the spasm makes hard', 'enter');
}

async function stored(f: FakeDeps): Promise<Episode[]> {
  return (await f.deps.store.read()).episodes;
}

function run(f: FakeDeps, opts: StartOptions = {}) {
  return start(opts, f.deps);
}

describe('spasm start, on a terminal', () => {
  it('shows its title before it reads the store (the first screen of a frightened person should not wait on a long history)', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const order: string[] = [];
    const { read, update } = f.deps.store;
    f.deps.store.read = () => (order.push(`read after ${f.stderr().length ? 'title' : 'nothing'}`), read.call(f.deps.store));
    f.deps.store.update = ((change: Parameters<typeof update>[0]) => (order.push('update'), update.call(f.deps.store, change))) as typeof update;
    const done = run(f).catch((e: unknown) => e);
    await answer('Do any of these apply to you?');
    expect(f.stderr()).toMatch(/^Back spasm first aid, one step at a time/);
    expect(order[0]).toBe('read after title');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toMatchObject({ exitCode: 130, message: 'Stopped. Nothing was saved.' });
  });

  it('walks a new episode through every step and saves each', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f);
    // The screen before any other question, then when it began.
    await answer('Do any of these apply to you?', 'n', 'enter'); // none of these
    await answer('And do any of these apply to you?', 'n', 'enter');
    expect(f.stdout()).toContain('Safety check');
    await answer('When did this spasm begin?', 'enter'); // Just now
    await answer('How bad is the pain right now?', '6', 'enter');
    await answer('Ready?', 'enter'); // rest position: start the 3-minute timer
    expect(f.stdout()).toContain('Step 1 of 6 · Rest position');
    await answer('Ready?', 'enter'); // breathing
    expect(f.stdout()).toContain('Step 2 of 6 · Slow breathing');
    await answer('What would you like to use on your back?', 'enter'); // cold, preselected at 0 h
    await answer('Ready?', 'enter'); // 20-minute timer
    expect(f.stdout()).toContain('Step 3 of 6 · Cold pack');
    expect(f.stdout()).toContain('Do not lie on the pack');
    await answer('Start the movements', 'down', 'enter'); // skip the movements lying down
    expect(f.stdout()).toContain('Step 4 of 6 · Gentle movements, lying down');
    await answer('Done, next step', 'enter'); // straighten up
    expect(f.stdout()).toContain('Step 5 of 6 · Straighten up slowly');
    await answer('Done, next step', 'enter'); // walking
    expect(f.stdout()).toContain('Step 6 of 6 · A few minutes of easy walking');
    await answer('How bad is the pain now?', 'backspace', '4', 'enter');
    await skipEnd();
    await answer('Wait here for the next cold or heat session?', 'enter'); // no (the default)
    await done;

    const [e] = await stored(f);
    expect(e!.steps.map((s) => [s.id, s.status])).toEqual([
      ['rest-position', 'done'],
      ['breathing', 'done'],
      ['cold', 'done'],
      ['stretches', 'skipped'],
      ['straighten-up', 'done'],
      ['walking', 'done'],
    ]);
    expect(e!.pain.map((p) => p.score)).toEqual([6, 4]);
    expect(e!.redFlags).toMatchObject({ positive: [], tier: 'none' });
    expect(e!.therapy).toHaveLength(1);
    const t = e!.therapy[0]!;
    expect(t.kind).toBe('cold');
    expect(Date.parse(t.end) - Date.parse(t.start)).toBe(20 * 60_000);
    expect(e!.walkthrough?.next).toBeNull();
    const out = f.stdout();
    expect(out).toContain('Walk-through done');
    expect(out).toContain('Pain: 6 at the start, 4 now, out of 10 (2 less).');
    expect(out).toMatch(/Next cold session: between \d\d:\d\d and \d\d:\d\d\./);
    expect(out).toContain('spasm timer cold');
    expect(out).toContain('Good to know:');
    expect(out.trimEnd().split('\n').slice(-2).join(' ')).toContain('If any of these start, get help now.');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('a new episode: the onset asked after the screen is stored at once and chooses the steps', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f).catch((e: unknown) => e);
    await answer('Do any of these apply to you?', 'n', 'enter');
    await answer('And do any of these apply to you?', 'n', 'enter');
    await answer('When did this spasm begin?', 'down', 'down', 'down', 'down', 'enter'); // Another time
    await answer('When?', '4d ago', 'enter');
    // Saved before the next question: a Ctrl-C there keeps it.
    await answer('How bad is the pain right now?');
    expect((await stored(f))[0]).toMatchObject({ onset: '2026-11-23T09:30:00+01:00', redFlags: { tier: 'none' } });
    screen.type('6');
    screen.keypress('enter');
    await answer('Ready?');
    // Four days in, past the 72-hour line: heat, not cold.
    expect((await stored(f))[0]).toMatchObject({ onset: '2026-11-23T09:30:00+01:00', pain: [{ score: 6 }], walkthrough: { therapy: 'heat' } });
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toMatchObject({ exitCode: 130 });
  });

  it('Ctrl-C at the onset question keeps the screen answers, on an episode begun now', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f).catch((e: unknown) => e);
    await answer('Do any of these apply to you?', 'n', 'enter');
    await answer('And do any of these apply to you?', 'n', 'enter');
    await answer('When did this spasm begin?');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toMatchObject({ exitCode: 130 });
    const [e] = await stored(f);
    expect(e).toMatchObject({ onset: NOW, redFlags: { positive: [], tier: 'none' }, pain: [] });
  });

  it('stops at an emergency answer with the advice, records it and asks nothing more', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f);
    // The screen is the first question; after an emergency answer not even the onset is asked.
    await answer('Do any of these apply to you?', 'y', 'enter');
    await answer('Which ones?', 'space', 'enter'); // the first: urination
    await done;
    expect(f.stdout()).toContain('! Please get help now');
    expect(f.stdout()).toContain('Call your local emergency number');
    expect(f.stdout()).toContain('New trouble peeing');
    expect(f.stdout()).not.toContain('Step 1');
    const [e] = await stored(f);
    expect(e!.redFlags).toMatchObject({ positive: ['urination'], tier: 'emergency' });
    expect(e!.onset).toBe(NOW); // not asked: it stands at now
    expect(e!.redFlagHistory).toHaveLength(1);
    expect(e!.steps).toEqual([]);
    expect(e!.pain).toEqual([]);
  });

  it.each([80, 60])('the screen comes in two parts, each with its question and short enough for a 24-row terminal (%i columns)', async (columns) => {
    const f = fakeDeps({ now: NOW, interactive: true, columns });
    const done = run(f, { onset: 'now' });
    await answer('Do any of these apply to you?');
    const first = f.stdout().slice(f.stdout().indexOf('Get help now if any of these is true:'));
    expect(first).toMatch(/^ 1\. Since the pain began/m);
    expect(first).toMatch(/^ 8\. Sudden, severe pain/m);
    expect(first).not.toContain('See someone today');
    // Its heading, every item and the question stay on a 24-row screen, with a row to spare for the
    // line a wrong answer adds under the question; at 80 columns the title "Safety check" and the
    // intro do too.
    const question = '? And do any of these apply to you? Type y (yes) or n (no), then Enter: ';
    const rows = (text: string) => text.trimEnd().split('\n').length + 1 + Math.ceil(question.length / columns) + 1;
    expect(rows(first)).toBeLessThanOrEqual(24);
    if (columns === 80) expect(rows(f.stdout().slice(f.stdout().indexOf('Safety check')))).toBeLessThanOrEqual(24);
    screen.type('n');
    screen.keypress('enter');
    await answer('And do any of these apply to you?', 'n', 'enter');
    const second = f.stdout().slice(f.stdout().indexOf('See someone today'));
    expect(second).toMatch(/^ 9\. A high temperature/m);
    expect(second).toMatch(/^18\. This is the first back/m);
    expect(rows(second)).toBeLessThanOrEqual(24);
    await answer('How bad is the pain right now?', '3', 'enter');
    await answer('Ready?', 'down', 'down', 'enter'); // stop at once
    await answer('How bad is the pain now?', 'enter');
    await skipEnd();
    await done;
    expect((await stored(f))[0]!.redFlags).toMatchObject({ positive: [], tier: 'none' });
  });

  it('the second part: yes with nothing ticked asks it again; its answer is recorded, same-day', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f, { onset: 'now' }).catch((e: unknown) => e);
    await answer('Do any of these apply to you?', 'n', 'enter');
    await answer('And do any of these apply to you?', 'y', 'enter');
    await answer('Which ones?', 'enter'); // nothing ticked
    await answer('And do any of these apply to you?', 'y', 'enter');
    const out = f.stdout();
    // The reason stands just above the question, after the part drawn again.
    expect(out.trimEnd().endsWith('You said yes but ticked none. Here is the question again.')).toBe(true);
    expect(out.split('See someone today if any of these is true:')).toHaveLength(3);
    await answer('Which ones?', 'down', 'space', 'enter'); // 10: cancer at some time
    await answer('Go on with the comfort steps', 'down', 'enter'); // No, stop here
    await done;
    expect((await stored(f))[0]!.redFlags).toMatchObject({ positive: ['cancer-history'], tier: 'same-day' });
  });

  it('Ctrl-C in the second part saves nothing, as in the first', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f, { onset: 'now' }).catch((e: unknown) => e);
    await answer('Do any of these apply to you?', 'n', 'enter');
    await answer('And do any of these apply to you?');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toMatchObject({ exitCode: 130, message: 'Stopped. Nothing was saved.' });
    expect(existsSync(f.deps.store.file)).toBe(false);
  });

  it('at 60 columns the checklist of a part is wrapped to the terminal, between words, and all of it in view', async () => {
    const f = fakeDeps({ now: NOW, interactive: true, columns: 60, rows: 24 });
    const done = run(f, { onset: 'now' }).catch((e: unknown) => e);
    await answer('Do any of these apply to you?', 'y', 'enter');
    await answer('Which ones?');
    const lines = screen.getScreen().split('\n');
    expect(lines.some((line) => line.includes('newly hard to start'))).toBe(true);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    // On a 24-row terminal every item of the part is in view, none below the fold.
    expect(screen.getScreen()).toMatch(/ 8\. Sudden, severe pain/);
    expect(lines.length).toBeLessThanOrEqual(24);
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toMatchObject({ exitCode: 130 });
  });

  it('the screen: Enter alone answers nothing, every item is in full words under its group, "yes" with nothing ticked asks again', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f, { onset: 'now' });
    await answer('Do any of these apply to you?', 'enter'); // Enter alone: not an answer
    await next('Please type y if any of these apply, or n if none do.', 'y', 'enter');
    await answer('Which ones?', 'enter'); // nothing ticked
    await answer('Do any of these apply to you?', 'n', 'enter'); // asked again; now none
    await answer('And do any of these apply to you?', 'n', 'enter');
    await answer('How bad is the pain right now?', '3', 'enter');
    await answer('Ready?', 'down', 'down', 'enter'); // stop at once
    await answer('How bad is the pain now?', 'enter');
    await skipEnd();
    await done;
    const out = f.stdout();
    expect(out).toContain('You said yes but ticked none. Here is the question again.');
    const flat = out.replace(/\s+/g, ' ');
    expect(flat).toContain('Get help now if any of these is true:');
    expect(flat.indexOf('Get help now')).toBeLessThan(flat.indexOf('See someone today if any of these is true:'));
    expect(flat).toContain('New numbness or tingling around your bottom, genitals or inner thighs');
    expect(flat).toContain('pain, tingling or numbness in both legs');
    expect(flat).toContain('Since the pain began, it is newly hard to start peeing');
    const [e] = await stored(f);
    expect(e!.redFlagHistory).toHaveLength(1);
    expect(e!.redFlags).toMatchObject({ positive: [], tier: 'none' });
  });

  it('an emergency answer is carried forward: the next start shows the advice first and asks the screen again; none lifts it', async () => {
    const dataDir = tempDataDir();
    await run(fakeDeps({ now: NOW, dataDir }), { redFlags: 'saddle-numbness', onset: 'now', pain: '6', handsFree: true });
    // An hour later, without a terminal and without --red-flags: exit 2 naming it, after the advice.
    const g = fakeDeps({ now: '2026-11-27T10:30:00+01:00', dataDir });
    await expect(run(g, { pain: '5', handsFree: true })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('--red-flags') });
    expect(g.stdout()).toContain('! Please get help now');
    // On a terminal: the advice, then the screen again before any comfort step.
    const h = fakeDeps({ now: '2026-11-27T10:31:00+01:00', interactive: true, dataDir });
    const done = run(h);
    await answer('Do any of these apply to you?', 'n', 'enter');
    await answer('And do any of these apply to you?', 'n', 'enter');
    const out = h.stdout();
    expect(out.indexOf('Please get help now')).toBeLessThan(out.indexOf('Safety check'));
    expect(out).toContain('you said: New numbness around your bottom.');
    await answer('How bad is the pain right now?', '4', 'enter');
    await answer('Ready?', 'down', 'down', 'enter'); // the comfort steps come only now; stop at the first
    expect(h.stdout()).toContain('Step 1 of 6 · Rest position');
    await answer('How bad is the pain now?', 'enter');
    await done;
    const [e] = await stored(h);
    expect(e!.redFlags?.tier).toBe('none');
    expect(e!.redFlagHistory?.map((r) => r.tier)).toEqual(['emergency', 'none']);
  });

  it('an emergency answer still standing: a new screen with it again stops again, before any step', async () => {
    const dataDir = tempDataDir();
    await run(fakeDeps({ now: NOW, dataDir }), { redFlags: 'urination', onset: 'now', pain: '6', handsFree: true });
    const g = fakeDeps({ now: '2026-11-27T10:30:00+01:00', dataDir });
    await run(g, { pain: '5', redFlags: 'urination', handsFree: true });
    expect(g.stdout()).not.toContain('Step 1');
    const [e] = await stored(g);
    expect(e!.steps).toEqual([]);
    expect(e!.redFlagHistory?.map((r) => r.tier)).toEqual(['emergency', 'emergency']);
  });

  it('Ctrl-C after the screen keeps the answers on the episode', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f, { onset: 'now' }).catch((e: unknown) => e);
    await answer('Do any of these apply to you?', 'n', 'enter');
    await answer('And do any of these apply to you?', 'y', 'enter');
    await answer('Which ones?', 'space', 'enter'); // fever, the first of "see someone today"
    await answer('Go on with the comfort steps', 'enter');
    await answer('How bad is the pain right now?');
    screen.keypress({ name: 'c', ctrl: true });
    const error = await done;
    expect(error).toMatchObject({ exitCode: 130 });
    expect((error as Error).message).not.toContain('Nothing was saved');
    const [e] = await stored(f);
    expect((error as Error).message).toContain(`Episode ${e!.id} is saved`);
    expect(e!.redFlags).toMatchObject({ positive: ['fever'], tier: 'same-day' });
  });

  it('gives same-day advice first, then offers the comfort steps', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f);
    await answer('Do any of these apply to you?', 'n', 'enter');
    await answer('And do any of these apply to you?', 'y', 'enter');
    await answer('Which ones?', 'space', 'enter'); // fever, the first of "see someone today"
    await answer('Go on with the comfort steps while you arrange to be seen?', 'enter');
    await answer('When did this spasm begin?', 'enter');
    await answer('How bad is the pain right now?', '5', 'enter');
    await answer('Ready?', 'down', 'down', 'enter'); // stop here
    const out = f.stdout();
    expect(out).toContain('! Please see a clinician today');
    expect(out.indexOf('Please see a clinician today')).toBeLessThan(out.indexOf('Step 1 of 6'));
    await answer('How bad is the pain now?', 'enter');
    await skipEnd();
    await done;
    const [e] = await stored(f);
    expect(e!.redFlags).toMatchObject({ positive: ['fever'], tier: 'same-day' });
    // The advice again in the summary (seek-same-day-care).
    expect(f.stdout().replace(/\s+/g, ' ')).toContain('Some of your answers mean a clinician should see you today');
  });

  it('same-day advice: "No, stop here" saves the answers and ends', async () => {
    const f = fakeDeps({ now: NOW, interactive: true });
    const done = run(f, { onset: 'now', redFlags: 'night-pain' });
    await answer('Go on with the comfort steps while you arrange to be seen?', 'down', 'enter');
    await done;
    const [e] = await stored(f);
    expect(e!.redFlags).toMatchObject({ positive: ['night-pain'], tier: 'same-day' });
    expect(e!.steps).toEqual([]);
    expect(f.stdout()).not.toContain('Step 1');
  });

  it('skip and stop are saved, and the next start resumes at the stopped step', async () => {
    const dataDir = tempDataDir();
    const f = fakeDeps({ now: NOW, interactive: true, dataDir });
    let done = run(f, { redFlags: 'none', pain: '7', onset: '1h ago' });
    await answer('Ready?', 'down', 'enter'); // skip the rest position
    await answer('Ready?', 'down', 'down', 'down', 'down', 'enter'); // stop at breathing (after the two other paces and skip)
    await answer('How bad is the pain now?', 'enter'); // keeps the default, 7
    await skipEnd();
    await done;
    let [e] = await stored(f);
    expect(e!.steps.map((s) => [s.id, s.status])).toEqual([
      ['rest-position', 'skipped'],
      ['breathing', 'stopped'],
    ]);
    expect(e!.walkthrough?.next).toBe('breathing');
    expect(f.stdout()).toContain('Stopped at Step 2 of 6 · Slow breathing');

    // An hour later: no screen (within 24 h), a pain check-in, the offer to resume.
    const g = fakeDeps({ now: '2026-11-27T10:30:00+01:00', interactive: true, dataDir });
    done = run(g);
    await answer('How bad is the pain right now?', '5', 'enter');
    expect(g.stdout()).not.toContain('Safety check');
    await answer('Resume at Step 2 of 6 · Slow breathing', 'enter');
    await answer('Ready?', 'enter'); // breathing
    expect(g.stdout()).toContain('Step 2 of 6 · Slow breathing');
    expect(g.stdout()).not.toContain('Step 1 of 6');
    await answer('What would you like to use on your back?', 'down', 'enter'); // heat instead
    await answer('Ready?', 'down', 'down', 'enter'); // stop at heat
    await answer('How bad is the pain now?', 'enter');
    await done;
    [e] = await stored(g);
    expect(e!.steps.map((s) => [s.id, s.status]).slice(2)).toEqual([
      ['breathing', 'done'],
      ['heat', 'stopped'],
    ]);
    expect(e!.walkthrough).toMatchObject({ next: 'heat', therapy: 'heat', choice: 'heat' });
    expect(e!.pain.map((p) => p.score)).toEqual([7, 7, 5, 5]);
  });

  it('the breathing step offers box breathing and a shorter pace, and the pacer follows the choice', async () => {
    const f = fakeDeps({ now: NOW, interactive: true, dataDir: tempDataDir() });
    const done = run(f, { redFlags: 'none', pain: '6', onset: '1h ago' });
    await answer('Ready?', 'down', 'enter'); // skip the rest position
    await answer('Start the 3-minute timer');
    expect(screen.getScreen()).toContain('in for 4 s, out for 6 s');
    expect(screen.getScreen()).toContain('Box breathing instead');
    expect(screen.getScreen()).toContain('A shorter pace, if slow breathing feels hard');
    screen.keypress('down');
    expect(screen.getScreen()).toContain('in for 4 s, hold for 4 s, out for 4 s, hold for 4 s');
    screen.keypress('enter'); // box breathing
    await answer('What would you like to use on your back?', 'enter');
    await answer('Ready?', 'down', 'down', 'enter'); // stop at the cold pack
    await answer('How bad is the pain now?', 'enter');
    await skipEnd();
    await done;
    expect(f.stderr()).toContain('Box breathing: 3 min, in for 4 s, hold for 4 s, out for 4 s, hold for 4 s. Breathe gently, without forcing.');
    expect(f.stderr()).toContain('comfortable for you.\nDone: Box breathing.');
    const [e] = await stored(f);
    expect(e!.steps.find((s) => s.id === 'breathing')?.status).toBe('done');
  });

  it('a finished walk-through: the next start offers the session that is due', async () => {
    const dataDir = tempDataDir();
    const f = fakeDeps({ now: NOW, dataDir });
    await run(f, { redFlags: 'none', pain: '6', onset: '10h ago', handsFree: true });
    const g = fakeDeps({ now: '2026-11-27T11:30:00+01:00', interactive: true, dataDir });
    const done = run(g);
    await answer('How bad is the pain right now?', '4', 'enter');
    await answer('A 20-minute cold pack now (it is due)', 'enter');
    await answer('What would you like to use on your back?', 'enter');
    await answer('Ready?', 'enter');
    expect(g.stdout()).toContain('Step 1 of 1 · Cold pack');
    await answer('How bad is the pain now?', 'enter');
    await answer('Wait here for the next cold or heat session?', 'enter'); // no (the default)
    await done;
    const [e] = await stored(g);
    expect(e!.therapy.map((t) => t.kind)).toEqual(['cold', 'cold']);
  });

  it('"Nothing more now" records the pain once and asks nothing more', async () => {
    const dataDir = tempDataDir();
    await run(fakeDeps({ now: NOW, dataDir }), { redFlags: 'none', pain: '6', onset: '10h ago', handsFree: true });
    const g = fakeDeps({ now: '2026-11-27T10:00:00+01:00', interactive: true, dataDir });
    const done = run(g);
    await answer('How bad is the pain right now?', '4', 'enter');
    await answer('What would you like to do?', 'down', 'down', 'enter'); // Nothing more now
    await done;
    expect(g.stdout()).toContain('Check-in saved');
    const [e] = await stored(g);
    expect(e!.pain.map((p) => p.score)).toEqual([6, 4]);
  });
});

describe('spasm start, hands-free and without a terminal', () => {
  it('runs every step to the end with the flags, then prints the summary', async () => {
    const f = fakeDeps({ now: NOW });
    await run(f, { redFlags: 'none', pain: '6', onset: '80h ago', handsFree: true });
    const [e] = await stored(f);
    expect(e!.steps.map((s) => [s.id, s.status])).toEqual([
      ['rest-position', 'done'],
      ['breathing', 'done'],
      ['heat', 'done'],
      ['stretches', 'done'],
      ['straighten-up', 'done'],
      ['walking', 'done'],
    ]);
    expect(e!.pain.map((p) => p.score)).toEqual([6]);
    expect(f.stdout()).toContain('Next heat session');
    // It ends with what to watch for, in one plain line (wrapped at 80 columns).
    expect(f.stdout().trimEnd().split('\n').slice(-2).join(' ')).toBe(loadRedFlags().watchFor.replace('bottom or ', 'bottom or\n').split('\n').join(' '));
    // No question, so the default pace.
    expect(f.stderr()).toContain(`Slow breathing: 3 min, in for 4 s, out for 6 s. Breathe gently, without forcing. If the pace feels hard, breathe at a pace that is comfortable for you.\nDone: Slow breathing.`);
  });

  it('--therapy overrides the phase and is kept as the choice', async () => {
    const f = fakeDeps({ now: NOW });
    await run(f, { redFlags: 'none', pain: '6', onset: '2h ago', handsFree: true, therapy: 'heat' });
    const [e] = await stored(f);
    expect(e!.therapy.map((t) => t.kind)).toEqual(['heat']);
    expect(e!.walkthrough?.choice).toBe('heat');
  });

  it('Ctrl-C in a countdown saves the steps so far and exits 130; the next start resumes there', async () => {
    const dataDir = tempDataDir();
    const f = fakeDeps({ now: NOW, dataDir });
    const sleep = f.deps.clock.sleep;
    const stopAt = Date.parse(NOW) + 4 * 60_000; // inside the breathing step
    f.deps.clock = { ...f.deps.clock, now: f.clock.now, sleep: async (ms, signal) => {
      if (f.clock.now().getTime() >= stopAt) f.interrupt.abort();
      return sleep(ms, signal);
    } };
    const error = await run(f, { redFlags: 'none', pain: '6', onset: '1h ago', handsFree: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 130 });
    expect((error as Error).message).toContain('resume at Slow breathing (step 2 of 6)');
    let [e] = await stored(f);
    expect(e!.steps.map((s) => [s.id, s.status])).toEqual([
      ['rest-position', 'done'],
      ['breathing', 'stopped'],
    ]);
    expect(e!.walkthrough?.next).toBe('breathing');

    const g = fakeDeps({ now: '2026-11-27T09:40:00+01:00', dataDir });
    await run(g, { pain: '5', handsFree: true });
    [e] = await stored(g);
    expect(e!.steps.map((s) => s.id).slice(2)).toEqual(['breathing', 'cold', 'stretches', 'straighten-up', 'walking']);
  });

  it('Ctrl-C in the cold session keeps the part done', async () => {
    const f = fakeDeps({ now: NOW });
    const sleep = f.deps.clock.sleep;
    const stopAt = Date.parse(NOW) + (3 + 3 + 5) * 60_000; // 5 minutes into the cold pack
    f.deps.clock = { ...f.deps.clock, now: f.clock.now, sleep: async (ms, signal) => {
      if (f.clock.now().getTime() >= stopAt) f.interrupt.abort();
      return sleep(ms, signal);
    } };
    await expect(run(f, { redFlags: 'none', pain: '6', onset: '1h ago', handsFree: true })).rejects.toMatchObject({ exitCode: 130 });
    const [e] = await stored(f);
    const t = e!.therapy[0]!;
    expect(t.kind).toBe('cold');
    expect(Date.parse(t.end) - Date.parse(t.start)).toBeGreaterThanOrEqual(5 * 60_000);
    expect(Date.parse(t.end) - Date.parse(t.start)).toBeLessThan(6 * 60_000);
    expect(e!.steps.at(-1)).toMatchObject({ id: 'cold', status: 'stopped' });
  });

  it('an emergency answer by flag stops, records it (with the pain given) and exits normally', async () => {
    const f = fakeDeps({ now: NOW });
    await run(f, { redFlags: 'leg-weakness,fever', pain: '8', onset: 'now', handsFree: true });
    const [e] = await stored(f);
    expect(e!.redFlags).toMatchObject({ positive: ['leg-weakness', 'fever'], tier: 'emergency' });
    expect(e!.steps).toEqual([]);
    expect(e!.pain.map((p) => p.score)).toEqual([8]);
    expect(f.stdout()).toContain('Please get help now');
  });

  it('a screen that says none later keeps the earlier positive answer in the history', async () => {
    const dataDir = tempDataDir();
    await run(fakeDeps({ now: NOW, dataDir }), { redFlags: 'fever', pain: '6', onset: 'now', handsFree: true });
    const g = fakeDeps({ now: '2026-11-28T10:30:00+01:00', dataDir });
    await run(g, { redFlags: 'none', pain: '4', handsFree: true });
    const [e] = await stored(g);
    expect(e!.redFlags?.tier).toBe('none');
    expect(e!.redFlagHistory?.map((r) => r.tier)).toEqual(['same-day', 'none']);
  });

  it.each([
    [{}, '--pain, --red-flags and --hands-free'],
    [{ pain: '5' }, '--red-flags and --hands-free'],
    [{ pain: '5', redFlags: 'none', onset: 'now' }, '--hands-free'],
  ] as const)('without a terminal, %j → exit 2 naming %s, nothing stored', async (opts, named) => {
    const f = fakeDeps({ now: NOW });
    await expect(run(f, opts)).rejects.toMatchObject({ exitCode: 2, message: `without a terminal, start needs ${named}` });
    expect(existsSync(f.deps.store.file)).toBe(false);
  });

  it('an ongoing episode screened within 24 h needs no --red-flags or --onset', async () => {
    const dataDir = tempDataDir();
    await run(fakeDeps({ now: NOW, dataDir }), { redFlags: 'none', pain: '6', onset: 'now', handsFree: true });
    const g = fakeDeps({ now: '2026-11-28T08:30:00+01:00', dataDir });
    await run(g, { pain: '3', handsFree: true });
    const h = fakeDeps({ now: '2026-11-28T10:31:00+01:00', dataDir });
    await expect(run(h, { pain: '3', handsFree: true })).rejects.toThrow('start needs --red-flags');
  });

  it.each([
    [{ pain: '11' }, '--pain must be a whole number from 0 to 10'],
    [{ pain: '2.5' }, '--pain must be a whole number from 0 to 10'],
    [{ redFlags: 'headache' }, '--red-flags: unknown red-flag id "headache"'],
    [{ redFlags: 'none,fever' }, '--red-flags cannot combine none'],
    [{ onset: 'in 2 hours' }, '--onset'],
    [{ onset: '2026-11-27T12:00:00+01:00' }, '--onset'],
    [{ therapy: 'ice' }, '--therapy must be one of cold, heat, alternate'],
  ])('bad input %j → exit 2 before anything is stored', async (bad, message) => {
    const f = fakeDeps({ now: NOW, interactive: true });
    await expect(run(f, { pain: '5', redFlags: 'none', onset: 'now', handsFree: true, ...bad })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(message) });
    expect(existsSync(f.deps.store.file)).toBe(false);
  });
});
