import { describe, expect, it } from 'vitest';
import { status } from '../../src/commands/status.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

const onset = '2026-11-27T00:00:00+01:00';

async function withEpisode(now: string, fields: Parameters<typeof episode>[0]) {
  const f = fakeDeps({ now });
  await f.deps.store.update((doc) => void doc.episodes.push(episode(fields)));
  return f;
}

describe('spasm status', () => {
  it('without an episode says so and how to start', async () => {
    const f = fakeDeps({ now: onset });
    await status({}, f.deps);
    expect(f.stdout()).toBe('No ongoing episode.\nIf a spasm starts, run spasm start for step-by-step first aid.\n');
  });

  it('--json prints the SPEC object', async () => {
    const f = await withEpisode('2026-11-27T10:00:00+01:00', {
      id: 'e7k2q',
      onset,
      pain: [{ at: onset, score: 6 }],
      therapy: [{ kind: 'cold', start: '2026-11-27T08:00:00+01:00', end: '2026-11-27T08:20:00+01:00' }],
    });
    await status({ json: true }, f.deps);
    expect(JSON.parse(f.stdout())).toEqual({
      episode: { id: 'e7k2q', onset, hoursSinceOnset: 10, latestPain: 6 },
      phase: 'cold',
      lastTherapy: { kind: 'cold', start: '2026-11-27T08:00:00+01:00', end: '2026-11-27T08:20:00+01:00' },
      // The window opened at 09:20: it is due now, so earliest is now (SPEC.md status).
      nextTherapy: { kind: 'cold', earliest: '2026-11-27T10:00:00+01:00', latest: '2026-11-27T10:20:00+01:00' },
      advice: [],
    });
  });

  it('text: every line a label and a value, due now, advice marked in words', async () => {
    const f = await withEpisode('2026-11-27T10:00:00+01:00', {
      id: 'e7k2q',
      onset,
      pain: [{ at: onset, score: 6 }],
      redFlags: { at: onset, positive: ['fever'], tier: 'same-day' },
      therapy: [{ kind: 'cold', start: '2026-11-27T08:00:00+01:00', end: '2026-11-27T08:20:00+01:00' }],
    });
    await status({}, f.deps);
    const text = f.stdout();
    expect(text).toContain('Episode e7k2q');
    expect(text).toContain('Began      today 00:00 (10 h ago)');
    expect(text).toContain('Pain       6 out of 10 (latest rating)');
    expect(text).toContain('Phase      cold');
    expect(text).toContain('Last       cold, today 08:00 to 08:20');
    expect(text).toContain('Next       cold, due now (until today 10:20). Run: spasm timer cold');
    expect(text).toMatch(/^! .*clinician should see you today/m);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('a lapsed, unended episode: says so and how to close it, not "no ongoing episode"', async () => {
    const f = await withEpisode('2026-12-20T10:00:00+01:00', { id: 'e7k2q', onset, pain: [{ at: onset, score: 6 }] });
    await status({}, f.deps);
    const text = f.stdout();
    const flat = text.replace(/\n(?=\S)/g, ' ');
    expect(text).not.toContain('No ongoing episode');
    expect(text).toContain('Episode e7k2q began');
    expect(flat).toContain('Nothing has been recorded on it for 23 days 10 h, so it no longer counts as ongoing.');
    expect(flat).toContain('If it is over: spasm log end e7k2q.');
    await status({ json: true }, f.deps);
    expect(JSON.parse(f.stdout().slice(text.length)).episode).toBeNull();
  });

  it('does not write the store', async () => {
    const f = fakeDeps({ now: onset });
    await status({}, f.deps);
    expect((await f.deps.store.read()).episodes).toEqual([]);
  });
});
