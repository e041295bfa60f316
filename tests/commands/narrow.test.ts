// On a 60-column terminal, log list and the start title wrap at words, never past column 60.
import { describe, expect, it } from 'vitest';
import { logList } from '../../src/commands/log.js';
import { start } from '../../src/commands/start.js';
import { fakeDeps } from '../helpers/fake-deps.js';
import { episode } from '../helpers/records.js';

const NOW = '2026-11-27T10:00:00+01:00';
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('60 columns', () => {
  it('log list puts the triggers on their own line and wraps the footer at words', async () => {
    const f = fakeDeps({ now: NOW, columns: 60 });
    await f.deps.store.update((doc) => {
      doc.episodes.push(episode({ id: 'e7k2q', onset: '2026-11-20T08:00:00+01:00', endedAt: '2026-11-22T20:00:00+01:00', peakPain: 6, legs: 'below-knee', triggers: ['lifting', 'bending forward to tie a shoe lace'] }));
      doc.episodes.push(episode({ id: 'e8m3r', onset: '2026-11-26T08:00:00+01:00', peakPain: 5 }));
    });
    await logList({}, f.deps);
    const out = f.stdout();
    expect(widest(out)).toBeLessThanOrEqual(60);
    expect(out.replace(/\n +/g, ' ')).toContain('triggers: lifting, bending forward to tie a shoe lace');
    expect(out.replace(/\n/g, ' ')).toContain('Full record: spasm log show <id> (the first letters of the id will do)');
  });

  it('at 80 columns log list keeps the triggers in their column', async () => {
    const f = fakeDeps({ now: NOW, columns: 80 });
    await f.deps.store.update((doc) => void doc.episodes.push(episode({ id: 'e7k2q', onset: '2026-11-20T08:00:00+01:00', peakPain: 6, triggers: ['lifting'] })));
    await logList({}, f.deps);
    expect(f.stdout()).toMatch(/^. e7k2q .* lifting$/m);
  });

  it('the start title', async () => {
    const f = fakeDeps({ now: NOW, columns: 60 });
    await start({ pain: '5', redFlags: 'none', handsFree: true }, f.deps);
    expect(f.stderr()).toContain('Back spasm first aid, one step at a time. You can skip or\nstop any step.\n');
  });
});
