import { describe, expect, it } from 'vitest';
import {
  applyFields,
  charCount,
  checkEnd,
  endOf,
  findEpisode,
  isEmptyFields,
  NOTE_MAX,
  parseEpisodeFlags,
  parseLabels,
  setWorstPain,
  type EpisodeFlags,
} from '../../src/core/log.js';
import { newEpisode, type Episode } from '../../src/core/records.js';
import { ms } from '../../src/core/time.js';
import { loadLogOptions } from '../../src/data/index.js';
import { UsageError } from '../../src/errors.js';

const now = new Date('2026-11-27T12:00:00+01:00');
const options = loadLogOptions();

function parse(flags: EpisodeFlags) {
  return parseEpisodeFlags(flags, now, options);
}

function episode(overrides: Partial<Episode> = {}): Episode {
  return { ...newEpisode('eabcd', '2026-11-20T08:00:00+01:00', 'log'), ...overrides };
}

describe('parseEpisodeFlags: accepted values', () => {
  it.each<[string, EpisodeFlags, object]>([
    ['onset, relative', { onset: '3h ago' }, { onset: new Date('2026-11-27T09:00:00+01:00') }],
    ['onset, local ISO', { onset: '2026-11-20T08:30' }, { onset: new Date('2026-11-20T08:30:00+01:00') }],
    ['onset, yesterday', { onset: 'yesterday' }, { onset: new Date('2026-11-26T00:00:00+01:00') }],
    ['pain 0', { pain: '0' }, { pain: 0 }],
    ['pain 10', { pain: '10' }, { pain: 10 }],
    ['lasted combined', { lasted: '1d12h' }, { lastedMs: 36 * ms.hour }],
    ['ongoing', { ongoing: true }, { ongoing: true }],
    ['legs', { legs: 'below-knee' }, { legs: 'below-knee' }],
    ['legs any case', { legs: 'Thigh' }, { legs: 'thigh' }],
    ['note empty', { note: '' }, { note: '' }],
    ['note kept exactly', { note: '  two\nlines  ' }, { note: '  two\nlines  ' }],
    ['note of 10,000 emoji', { note: '😖'.repeat(NOTE_MAX) }, { note: '😖'.repeat(NOTE_MAX) }],
    ['trigger by id', { trigger: ['lifting'] }, { triggers: ['lifting'] }],
    ['trigger by label, any case', { trigger: ['bending FORWARD'] }, { triggers: ['bending'] }],
    ['trigger free text, trimmed', { trigger: ['  carrying a sofa '] }, { triggers: ['carrying a sofa'] }],
    ['duplicates once', { trigger: ['lifting', 'Lifting something'] }, { triggers: ['lifting'] }],
    ['helped, a program step', { helped: ['Heat pack', 'breathing', 'yoga'] }, { helped: ['heat', 'breathing', 'yoga'] }],
  ])('%s', (_name, flags, expected) => {
    expect(parse(flags)).toEqual(expected);
  });

  it('onset and lasted that end up to now are fine', () => {
    expect(parse({ onset: '2d ago', lasted: '2d' }).lastedMs).toBe(2 * ms.day);
  });

  it('nothing given is empty', () => expect(isEmptyFields(parse({}))).toBe(true));
  it('a given note "" is not empty', () => expect(isEmptyFields(parse({ note: '' }))).toBe(false));
});

describe('parseEpisodeFlags: refused values name the flag', () => {
  it.each<[string, EpisodeFlags, RegExp]>([
    ['onset unreadable', { onset: 'last tuesday' }, /^--onset "last tuesday" is not a time I can read/],
    ['onset in the future', { onset: '2026-11-28' }, /^--onset .* is in the future/],
    ['onset impossible date', { onset: '2026-02-30' }, /^--onset/],
    ['pain 11', { pain: '11' }, /^--pain must be a whole number from 0 to 10/],
    ['pain -1', { pain: '-1' }, /^--pain must be/],
    ['pain 2.5', { pain: '2.5' }, /^--pain must be/],
    ['pain word', { pain: 'bad' }, /^--pain must be/],
    ['lasted zero', { lasted: '0h' }, /^--lasted must be longer than zero/],
    ['lasted negative', { lasted: '-3h' }, /^--lasted "-3h" is not a duration/],
    ['lasted unit missing', { lasted: '3' }, /^--lasted "3" is not a duration/],
    ['lasted with ongoing', { lasted: '3h', ongoing: true }, /^--lasted and --ongoing cannot go together/],
    ['onset + lasted in the future', { onset: '1h ago', lasted: '3h' }, /^--lasted would end the episode at .* in the future/],
    ['legs unknown', { legs: 'foot' }, /^--legs must be one of none, buttock, thigh, below-knee/],
    ['note too long', { note: 'x'.repeat(NOTE_MAX + 1) }, /^--note is 10,001 characters long; at most 10,000/],
    ['trigger empty', { trigger: ['   '] }, /^--trigger must not be empty/],
    ['trigger too long', { trigger: ['x'.repeat(201)] }, /^--trigger must be at most 200 characters/],
    ['helped empty', { helped: ['heat', ''] }, /^--helped must not be empty/],
    ['too many triggers', { trigger: Array.from({ length: 101 }, (_, i) => `t${i}`) }, /^--trigger can be given at most 100 times/],
  ])('%s', (_name, flags, message) => {
    const error = (() => {
      try {
        parse(flags);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toMatch(message);
  });
});

describe('charCount and parseLabels', () => {
  it('counts code points, like the store schema', () => expect(charCount('a😖é')).toBe(3));
  it('200 characters is the most a label holds', () => expect(parseLabels(['é'.repeat(200)], [], '--trigger')).toEqual(['é'.repeat(200)]));
});

describe('endOf', () => {
  const onset = now.getTime() - 2 * ms.hour;
  it('an end up to 5 minutes ahead is clock skew, not the future', () => expect(endOf(onset, 2 * ms.hour + 4 * ms.minute, now).getTime()).toBe(onset + 2 * ms.hour + 4 * ms.minute));
  it('refuses an end further ahead', () => expect(() => endOf(onset, 3 * ms.hour, now)).toThrow(UsageError));
});

describe('applyFields', () => {
  it('fills a new episode: worst pain dated at onset, end from lasted', () => {
    const e = episode();
    applyFields(e, parse({ pain: '7', lasted: '1d', trigger: ['lifting'], helped: ['heat'], legs: 'thigh', note: 'n' }), now);
    expect(e).toMatchObject({
      pain: [{ at: '2026-11-20T08:00:00+01:00', score: 7 }],
      peakPain: 7,
      endedAt: '2026-11-21T08:00:00+01:00',
      triggers: ['lifting'],
      helped: ['heat'],
      legs: 'thigh',
      notes: 'n',
    });
  });

  it('changes only the fields given', () => {
    const e = episode({ triggers: ['bending'], notes: 'keep', legs: 'buttock', endedAt: '2026-11-22T08:00:00+01:00' });
    const before = structuredClone(e);
    applyFields(e, parse({ helped: ['walking'] }), now);
    expect(e).toEqual({ ...before, helped: ['walking'] });
  });

  it('a new onset moves the worst pain dated at the old onset and keeps the end', () => {
    const e = episode({ pain: [{ at: '2026-11-20T08:00:00+01:00', score: 6 }], peakPain: 6, endedAt: '2026-11-22T08:00:00+01:00' });
    applyFields(e, parse({ onset: '2026-11-19T20:00' }), now);
    expect(e.onset).toBe('2026-11-19T20:00:00+01:00');
    expect(e.pain).toEqual([{ at: '2026-11-19T20:00:00+01:00', score: 6 }]);
    expect(e.endedAt).toBe('2026-11-22T08:00:00+01:00');
  });

  it('refuses a new onset at or after the recorded end, unless the end is given too', () => {
    const e = episode({ endedAt: '2026-11-22T08:00:00+01:00' });
    expect(() => applyFields(e, parse({ onset: '2026-11-23' }), now)).toThrow(/--onset .* is not before the episode ended/);
    applyFields(e, parse({ onset: '2026-11-23', ongoing: true }), now);
    expect(e).toMatchObject({ onset: '2026-11-23T00:00:00+01:00', endedAt: null });
  });

  it('lasted counts from the stored onset and refuses the future', () => {
    const e = episode({ onset: '2026-11-27T10:00:00+01:00' });
    expect(() => applyFields(e, parse({ lasted: '3h' }), now)).toThrow(/in the future/);
    applyFields(e, parse({ lasted: '90m' }), now);
    expect(e.endedAt).toBe('2026-11-27T11:30:00+01:00');
  });

  it('ongoing clears the end', () => {
    const e = episode({ endedAt: '2026-11-22T08:00:00+01:00' });
    applyFields(e, { ongoing: true }, now);
    expect(e.endedAt).toBeNull();
  });
});

describe('setWorstPain', () => {
  it('replaces the single worst pain of a logged episode', () => {
    const e = episode({ pain: [{ at: '2026-11-20T08:00:00+01:00', score: 6 }], peakPain: 6 });
    setWorstPain(e, 3);
    expect(e).toMatchObject({ pain: [{ at: '2026-11-20T08:00:00+01:00', score: 3 }], peakPain: 3 });
  });
  it('raises the highest check-in of a walked-through episode', () => {
    const e = episode({ pain: [{ at: '2026-11-20T08:00:00+01:00', score: 5 }, { at: '2026-11-20T09:00:00+01:00', score: 7 }], peakPain: 7 });
    setWorstPain(e, 9);
    expect(e.pain.map((p) => p.score)).toEqual([5, 9]);
    expect(e.peakPain).toBe(9);
  });
  it('refuses a worst pain below another check-in', () => {
    const e = episode({ pain: [{ at: '2026-11-20T08:00:00+01:00', score: 5 }, { at: '2026-11-20T09:00:00+01:00', score: 7 }], peakPain: 7 });
    expect(() => setWorstPain(e, 4)).toThrow(/--pain 4 is lower than the pain of 5 recorded at 2026-11-20T08:00:00\+01:00/);
  });
});

describe('checkEnd', () => {
  it('returns the end time', () => expect(checkEnd(episode(), new Date('2026-11-21T10:00:00+01:00'))).toBe('2026-11-21T10:00:00+01:00'));
  it('refuses an end at or before onset', () => expect(() => checkEnd(episode(), new Date('2026-11-20T08:00:00+01:00'))).toThrow(/--at .* is not after the episode began/));
  it('refuses to end an ended episode', () =>
    expect(() => checkEnd(episode({ endedAt: '2026-11-22T08:00:00+01:00' }), now)).toThrow(/already ended at 2026-11-22T08:00:00\+01:00/));
});

describe('findEpisode', () => {
  const list = ['e7k2q', 'e7k3p', 'eabcd'].map((id) => episode({ id }));
  it.each([
    ['e7k2q', 'e7k2q'],
    ['e7k2', 'e7k2q'],
    ['EAB', 'eabcd'],
  ])('%s → %s', (input, id) => expect(findEpisode(list, input).id).toBe(id));
  it('an ambiguous prefix lists the matches', () => expect(() => findEpisode(list, 'e7k')).toThrow('"e7k" matches more than one episode: e7k2q, e7k3p'));
  it('a prefix shorter than 3 characters picks nothing', () => expect(() => findEpisode(list, 'ea')).toThrow('"ea" is too short to pick an episode'));
  it('an unknown id is refused, its text neutralised', () => expect(() => findEpisode(list, 'x\u001b[2J')).toThrow('no episode with the id "x␛[2J"'));
});
