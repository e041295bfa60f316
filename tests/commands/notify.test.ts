import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/flows/notify.js', () => ({ notifyDesktop: vi.fn(async () => {}) }));
const { notifyDesktop } = await import('../../src/flows/notify.js');
const { timer } = await import('../../src/commands/timer.js');
const { fakeDeps } = await import('../helpers/fake-deps.js');
const { pressAt } = await import('../helpers/fake-keys.js');

const now = '2026-11-27T10:00:00+01:00';
beforeEach(() => vi.mocked(notifyDesktop).mockClear());

/** Deps over a store whose settings are `settings` (spasm config set notify …). */
async function withSettings(settings: Record<string, string>) {
  const f = fakeDeps({ now });
  await f.deps.store.update((doc) => void Object.assign(doc.settings, settings));
  return f;
}

describe('a desktop notification when a timed step ends', () => {
  it('timer cold: one notification at the end, as well as the bell', async () => {
    const f = fakeDeps({ now });
    await timer({ minutes: '2' }, f.deps, 'cold');
    expect(notifyDesktop).toHaveBeenCalledTimes(1);
    expect(notifyDesktop).toHaveBeenCalledWith('spasm', 'Cold pack: time is up. Take the pack off and let your skin rest.');
  });

  it('notify off: none', async () => {
    const f = await withSettings({ notify: 'off' });
    await timer({ minutes: '2' }, f.deps, 'heat');
    expect(notifyDesktop).not.toHaveBeenCalled();
    expect(f.stderr()).toContain('Done: 2 min of heat.');
  });

  it('ended early with Enter: the person is at the keys, so none', async () => {
    const f = fakeDeps({ now });
    pressAt(f, [['2026-11-27T10:01:00+01:00', 'enter']]);
    await timer({ minutes: '2' }, f.deps, 'cold');
    expect(notifyDesktop).not.toHaveBeenCalled();
  });

  it('--stay: at the end of each session and when the next is due', async () => {
    const f = fakeDeps({ now });
    await timer({ minutes: '2', stay: true, sessions: '2', handsFree: true }, f.deps, 'cold');
    expect(vi.mocked(notifyDesktop).mock.calls.map((c) => c[1])).toEqual(['Cold pack: time is up. Take the pack off and let your skin rest.', 'Time for your next cold session.', 'Cold pack: time is up. Take the pack off and let your skin rest.']);
  });
});
