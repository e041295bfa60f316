// `spasm start` through the built binary: hands-free without a terminal, and
// by key presses in a real pseudo-terminal. Its refusals run in process
// (tests/commands/bad-input.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Episode, StoreDoc } from '../../src/core/records.js';
import { runSpasm, runSpasmAsync } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/fake-deps.js';
import { keys, spawnPty } from '../helpers/pty.js';

/** The episode steps in their order (SPEC.md section 1), each done. */
const ALL_STEPS_DONE = ['rest-position', 'breathing', 'cold', 'stretches', 'straighten-up', 'walking'].map((id) => [id, 'done']);

const NOW = '2026-11-27T09:30:00+01:00';
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();

function storeOf(dataDir: string): StoreDoc {
  return JSON.parse(readFileSync(join(dataDir, 'spasm.json'), 'utf8')) as StoreDoc;
}

async function handsFree(dataDir: string, onset: string) {
  return runSpasmAsync(['start', '--pain', '6', '--red-flags', 'none', '--hands-free', '--onset', onset], {
    dataDir,
    env: { SPASM_NOW: NOW, SPASM_TIME_SCALE: '40000' },
  });
}

function statusAt(dataDir: string, now: string) {
  const r = runSpasm(['status', '--json'], { dataDir, env: { SPASM_NOW: now } });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('spasm start --hands-free without a terminal', () => {
  it('runs to the end 10 h after onset: cold, every step saved, then status', async () => {
    const dataDir = tempDataDir();
    // An absolute onset 10 h before SPASM_NOW: "10h ago" would be read from a clock
    // that runs 40000× faster from start-up, so it would depend on the machine's speed.
    const r = await handsFree(dataDir, '2026-11-26T23:30:00+01:00');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Walk-through done');
    const [e] = storeOf(dataDir).episodes as [Episode];
    expect(e.onset).toBe('2026-11-26T23:30:00+01:00');
    expect(e.steps.map((s) => [s.id, s.status])).toEqual(ALL_STEPS_DONE);
    // It ends with what to watch for, in plain words.
    expect(r.stdout.trimEnd().split('\n').slice(-2).join(' ')).toMatch(/^Watch for: new trouble peeing .* If any of these start, get help now\.$/);
    expect(e.pain).toEqual([{ at: expect.any(String), score: 6 }]);
    expect(e.redFlags).toMatchObject({ positive: [], tier: 'none' });
    expect(e.therapy).toHaveLength(1);
    const cold = e.therapy[0]!;
    expect(cold.kind).toBe('cold');
    expect(Date.parse(cold.end) - Date.parse(cold.start)).toBe(20 * 60_000);

    const later = at(HOUR);
    const status = statusAt(dataDir, later);
    expect(status.phase).toBe('cold');
    expect(status.episode).toMatchObject({ id: e.id, latestPain: 6 });
    expect(status.lastTherapy).toEqual(cold);
    expect(Date.parse(status.nextTherapy.earliest) - Date.parse(cold.end)).toBe(HOUR);
    expect(Date.parse(status.nextTherapy.latest) - Date.parse(cold.end)).toBe(2 * HOUR);
    expect(status.nextTherapy.kind).toBe('cold');
    expect(status.advice).toEqual([]);

    // The store holds the walk-through progress, but the episode JSON of SPEC.md does not.
    expect(e.walkthrough).toMatchObject({ next: null, therapy: 'cold' });
  });
});

describe('spasm start in a terminal', () => {
  const env = (dataDir: string, scale = '400') => ({ SPASM_DATA_DIR: dataDir, SPASM_NOW: NOW, SPASM_TIME_SCALE: scale, NO_COLOR: '1' });

  it('a whole walk-through by key presses', async () => {
    const dataDir = tempDataDir();
    const t = await spawnPty(['start'], env(dataDir, '20000'));
    // Answer each question once it is on screen, after the previous answer.
    let mark = 0;
    const answer = async (text: string, key: string = keys.enter) => {
      await t.waitFor(text, 10_000, mark);
      mark = t.mark();
      t.write(key);
    };
    // The safety screen first, then when it began.
    await answer('Do any of these apply to you?', 'n\r');
    await answer('And do any of these apply to you?', 'n\r');
    await answer('When did this spasm begin?');
    await answer('How bad is the pain right now?', '6\r');
    await answer('Start the 3-minute timer'); // rest position
    // The answered line is redrawn as "✔ Ready? Start the 3-minute timer": wait for the
    // breathing step's own screen before looking for its (identical) choice.
    await t.waitFor('Slow breathing', 20_000, mark);
    mark = t.screen().lastIndexOf('Slow breathing');
    await answer('Start the 3-minute timer'); // breathing
    await answer('What would you like to use on your back?');
    await answer('Start the 20-minute timer');
    await answer('Start the movements');
    // Each movement lying down: Ready? → Start; How did it go? → Done.
    for (let i = 0; i < 3; i++) {
      await answer('Skip this one');
      await answer('How did it go?');
    }
    await answer('Done, next step'); // straighten up
    // As for breathing: wait for the walking step's own screen before its (identical) choice.
    await t.waitFor('A few minutes of easy walking', 20_000, mark);
    mark = t.screen().lastIndexOf('A few minutes of easy walking');
    await answer('Done, next step'); // walking
    await answer('How bad is the pain now?', '\u007f3\r');
    // The end-of-walk questions of a new episode, each skipped.
    await answer('What set it off?');
    await answer('How far did the pain spread down the leg?');
    await answer('Name an activity the spasm makes hard');
    await t.waitFor('To carry on:');
    await answer('Wait here for the next cold or heat session?'); // no, the default
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain('Pain: 6 at the start, 3 now, out of 10 (3 less).');
    const [e] = storeOf(dataDir).episodes as [Episode];
    expect(e.steps.map((s) => [s.id, s.status])).toEqual(ALL_STEPS_DONE);
    expect(e.pain.map((p) => p.score)).toEqual([6, 3]);
  }, 40_000);

  it('Ctrl-C in the cold session saves and exits 130; the next start resumes at that step', async () => {
    const dataDir = tempDataDir();
    const t = await spawnPty(['start', '--pain', '6', '--red-flags', 'none', '--onset', '2h ago'], env(dataDir, '1000'));
    let mark = 0;
    const answer = async (text: string, key: string = keys.enter) => {
      await t.waitFor(text, 10_000, mark);
      mark = t.mark();
      t.write(key);
    };
    await answer('Start the 3-minute timer', keys.down + keys.enter); // skip the rest position
    await answer('Start the 3-minute timer', keys.down.repeat(3) + keys.enter); // skip the breathing (after its two other paces)
    await answer('What would you like to use on your back?');
    await answer('Start the 20-minute timer');
    await t.waitFor(/Cold\s+\d\d:\d\d left/);
    await new Promise((r) => setTimeout(r, 300)); // about 5 minutes of program time
    t.write(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.screen()).toContain('Stopped.');
    // The message is word-wrapped to the terminal; compare it as a reader sees it.
    expect(t.screen().replace(/\s+/g, ' ')).toContain('resume at Cold pack (step 3 of 6)');
    expect(t.screen()).not.toMatch(/\n\s+at /);
    let [e] = storeOf(dataDir).episodes as [Episode];
    expect(e.steps.map((s) => [s.id, s.status])).toEqual([
      ['rest-position', 'skipped'],
      ['breathing', 'skipped'],
      ['cold', 'stopped'],
    ]);
    expect(e.therapy).toHaveLength(1); // the part done

    const again = await spawnPty(['start'], { ...env(dataDir, '20000'), SPASM_NOW: at(HOUR) });
    await again.waitFor('How bad is the pain right now?');
    again.write('5\r');
    await again.waitFor('Resume at Step 3 of 6 · Cold pack');
    again.write(keys.enter);
    await again.waitFor('Cold and heat in turn');
    expect(again.screen()).not.toContain('Step 1 of 6');
    again.write(keys.down + keys.down + keys.down + keys.down + keys.enter); // stop here
    await again.waitFor('How bad is the pain now?');
    again.write('\r');
    expect(await again.exited).toBe(0);
    [e] = storeOf(dataDir).episodes as [Episode];
    expect(e.steps.at(-1)).toMatchObject({ id: 'cold', status: 'stopped' });
  }, 40_000);

  it('the screen by keys: Enter alone answers nothing; an emergency answer stops the walk-through with the advice', async () => {
    const dataDir = tempDataDir();
    const t = await spawnPty(['start', '--onset', 'now'], env(dataDir));
    await t.waitFor('Do any of these apply to you?');
    // The screen's first part: the signs to get help now, with their own question.
    expect(t.screen()).toContain('Get help now if any of these is true:');
    expect(t.screen()).not.toContain('See someone today if any of these is true:');
    let mark = t.mark();
    t.write(keys.enter); // Enter alone: asked again, nothing recorded
    await t.waitFor('Please type y if any of these apply', 10_000, mark);
    mark = t.mark();
    t.write('y\r');
    await t.waitFor('Which ones?', 10_000, mark);
    t.write(keys.down + keys.down + keys.space + keys.enter); // the third: numbness around your bottom
    expect(await t.exited).toBe(0);
    expect(t.screen()).toContain('! Please get help now');
    expect(t.screen()).toContain('New numbness around your bottom');
    expect(t.screen()).not.toContain('How bad is the pain');
    // An emergency answer ends the screen: its second part is not asked.
    expect(t.screen()).not.toContain('And do any of these apply to you?');
    const [e] = storeOf(dataDir).episodes as [Episode];
    expect(e.redFlags).toMatchObject({ positive: ['saddle-numbness'], tier: 'emergency' });
    const show = runSpasm(['status', '--json'], { dataDir, env: { SPASM_NOW: at(HOUR) } });
    expect(JSON.parse(show.stdout).advice[0].code).toBe('seek-emergency-care');
  });
});

describe('the breathing pacer in a terminal', () => {
  it('box breathing cues in, hold and out, each with its count; Ctrl-C ends it with exit 130', async () => {
    const t = await spawnPty(['timer', 'breathe', '--pace', 'box', '--minutes', '1'], { SPASM_DATA_DIR: tempDataDir(), SPASM_TIME_SCALE: '32', NO_COLOR: '1' });
    await t.waitFor(/Breathe in\s+\d/);
    await t.waitFor(/Hold\s+\d/);
    await t.waitFor(/Breathe out\s+\d/);
    t.write(keys.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.screen()).toContain('Stopped after');
  });
});
