// --voice (issue #14 item 4): what is spoken, and when, through a fake speech
// command on the PATH (a script that logs the time and the text it is given).
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClock } from '../../src/clock.js';
import { routine } from '../../src/commands/routine.js';
import { timer } from '../../src/commands/timer.js';
import type { Voice } from '../../src/flows/voice.js';
import { findSpeech } from '../../src/flows/voice.js';
import { fakeDeps } from '../helpers/fake-deps.js';

/** A directory with a fake `name` that appends "<ms since epoch> <text from stdin>" to the returned log. */
function fakeSpeech(name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'spasm-speech-'));
  const log = join(dir, 'spoken.log');
  writeFileSync(join(dir, name), `#!/bin/sh\ntext=$(cat)\nprintf '%s %s\\n' "$(date +%s%3N)" "$text" >> '${log}'\n`);
  chmodSync(join(dir, name), 0o755);
  const spoken = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => ({ at: Number(l.slice(0, l.indexOf(' '))), text: l.slice(l.indexOf(' ') + 1) })) : []);
  /** Resolves once `count` lines are spoken (or after 5 s, for the test to see what was). */
  const spokenCount = async (count: number) => {
    for (const started = Date.now(); spoken().length < count && Date.now() - started < 5_000; ) await new Promise((r) => setTimeout(r, 10));
    return spoken();
  };
  return { dir, spoken, spokenCount };
}

describe('--voice through the platform speech command', () => {
  it.each<[NodeJS.Platform, string, string[]]>([
    ['linux', 'espeak-ng', ['--stdin']],
    ['linux', 'espeak', ['--stdin']],
    ['linux', 'spd-say', ['--wait', '--pipe-mode']],
    ['darwin', 'say', []],
  ])('%s: finds %s on the PATH', (platform, name, args) => {
    const { dir } = fakeSpeech(name);
    expect(findSpeech({ PATH: `/nonexistent:${dir}` }, platform)).toEqual({ file: join(dir, name), args });
  });

  it('prefers espeak-ng to espeak and spd-say; none on the PATH is null', () => {
    const a = fakeSpeech('spd-say');
    const b = fakeSpeech('espeak-ng');
    expect(findSpeech({ PATH: `${a.dir}:${b.dir}` }, 'linux')?.file).toBe(join(b.dir, 'espeak-ng'));
    expect(findSpeech({ PATH: '/nonexistent' }, 'linux')).toBeNull();
  });

  it('timer breathe --voice: the title first, then in… out… as each breath part begins, the end last', async () => {
    const speech = fakeSpeech('espeak-ng');
    const f = fakeDeps({ now: '2026-11-27T10:00:00+01:00' });
    // A real clock 120 times faster: the minute takes 0.5 s, each breath 1/12 s.
    const deps = { ...f.deps, env: { PATH: speech.dir }, clock: createClock({ SPASM_TIME_SCALE: '120' }) };
    const started = Date.now();
    await timer({ minutes: '1', voice: true }, deps, 'breathe');
    // The pacer waits for speech to be idle, so the end is said; its log line may still be coming.
    await speech.spokenCount(3);
    await new Promise((r) => setTimeout(r, 50));
    const spoken = speech.spoken();
    expect(spoken[0]!.text).toBe('Slow breathing, 1 minute.');
    expect(spoken.at(-1)!.text).toBe('Slow breathing: time is up.');
    // The end is spoken when the minute is over (0.5 s of real time), not before.
    expect(spoken.at(-1)!.at - started).toBeGreaterThanOrEqual(475);
    const cues = spoken.slice(1, -1).map((s) => s.text);
    // The first breath in is cued once the title has been said; cues are only in… and out….
    expect(cues[0]).toBe('in…');
    expect(cues.length).toBeGreaterThanOrEqual(2);
    expect(new Set(cues)).toEqual(new Set(['in…', 'out…']));
    // A cue is dropped rather than said late: never more than one per part of a breath (6 breaths, 2 parts each).
    expect(cues.length).toBeLessThanOrEqual(12);
    expect(f.stderr()).toContain('Done: 1 min of slow breathing.');
  });

  it('no speech command: says so once, and goes on with the bell', async () => {
    const f = fakeDeps({ now: '2026-11-27T10:00:00+01:00' });
    await timer({ voice: true, minutes: '1' }, { ...f.deps, env: { PATH: '/nonexistent' } }, 'cold');
    expect(f.stderr().match(/No speech command was found/g)).toHaveLength(1);
    expect(f.stderr()).toContain('Done: 1 min of cold.');
  });

  it('the voice setting is the default; --no-voice overrides it', async () => {
    const speech = fakeSpeech('espeak-ng');
    const f = fakeDeps({ now: '2026-11-27T10:00:00+01:00' });
    await f.deps.store.update((doc) => void (doc.settings.voice = 'on'));
    const deps = { ...f.deps, env: { PATH: speech.dir } };
    await timer({ minutes: '1', voice: false }, deps, 'cold');
    // A speech command started would have logged within this time.
    await new Promise((r) => setTimeout(r, 150));
    expect(speech.spoken()).toEqual([]);
    await timer({ minutes: '1' }, deps, 'cold');
    expect((await speech.spokenCount(2)).map((s) => s.text)).toEqual(['Cold pack, 1 minute.', 'Cold pack: time is up. Take the pack off and let your skin rest.']);
  });
});

describe('--voice in routine (hands-free): each exercise, its position, each hold', () => {
  it('announces the exercise and its position before the wait to get ready, and "Hold." as each hold starts', async () => {
    const f = fakeDeps({ now: '2026-11-27T08:00:00+01:00' });
    const said: [number, string][] = [];
    const voice: Voice = { say: (text) => void said.push([f.deps.clock.now().getTime(), text]), idle: () => Promise.resolve() };
    const deps = { ...f.deps, companion: { voice, notify: () => Promise.resolve() } };
    await routine({ handsFree: true, painBefore: '2', painAfter: '1' }, deps);
    const t0 = Date.parse('2026-11-27T08:00:00+01:00');
    const first = said.slice(0, 4).map(([t, s]) => [(t - t0) / 1000, s]);
    expect(first[0]).toEqual([0, expect.stringMatching(/^Pelvic tilt\. Lie on your back/)]);
    expect(first[1]).toEqual([0, 'Get into position. The first hold starts in 25 seconds.']);
    expect(first[2]).toEqual([25, 'Hold.']);
    expect(first[3]).toEqual([30, 'Relax.']);
  });
});

