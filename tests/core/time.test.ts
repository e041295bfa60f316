import { describe, expect, it } from 'vitest';
import { formatIso, formatSpan, parseDuration, parseIso, parseWhen, printable } from '../../src/core/time.js';
import { UsageError } from '../../src/errors.js';

// vitest.config.ts runs the tests in Europe/Berlin (UTC+1 in November).
const now = new Date('2026-11-27T10:00:00+01:00');

describe('parseWhen', () => {
  it.each([
    ['now', '2026-11-27T10:00:00+01:00'],
    ['NOW', '2026-11-27T10:00:00+01:00'],
    ['today', '2026-11-27T00:00:00+01:00'],
    ['yesterday', '2026-11-26T00:00:00+01:00'],
    ['3h ago', '2026-11-27T07:00:00+01:00'],
    ['45m ago', '2026-11-27T09:15:00+01:00'],
    ['2d ago', '2026-11-25T10:00:00+01:00'],
    ['1w ago', '2026-11-20T10:00:00+01:00'],
    ['2 d ago', '2026-11-25T10:00:00+01:00'],
    ['2026-11-20', '2026-11-20T00:00:00+01:00'],
    ['2026-11-20T08:30', '2026-11-20T08:30:00+01:00'],
    ['2026-11-20 08:30:15', '2026-11-20T08:30:15+01:00'],
    ['2026-07-01T08:30', '2026-07-01T08:30:00+02:00'],
    ['2026-11-20T08:30:00Z', '2026-11-20T09:30:00+01:00'],
    ['2026-11-20T08:30:00+05:30', '2026-11-20T04:00:00+01:00'],
    ['2026-11-27T10:04:59+01:00', '2026-11-27T10:04:59+01:00'],
  ])('%s → %s', (input, expected) => {
    expect(formatIso(parseWhen(input, now, '--onset'))).toBe(expected);
  });

  it.each([
    ['soon', 'is not a time I can read'],
    ['', 'is not a time I can read'],
    ['3 hours ago', 'is not a time I can read'],
    ['3h', 'is not a time I can read'],
    ['2026-02-30', 'is not a time I can read'],
    ['2026-13-01', 'is not a time I can read'],
    ['2026-11-20T25:00', 'is not a time I can read'],
    ['2026-02-30T08:00:00Z', 'is not a time I can read'],
    ['2026-11-27T10:06', 'is in the future'],
    ['2026-06-15T24:00Z', 'is not a time I can read'],
    ['999999w ago', 'is before 1900'],
    ['0100-01-01', 'is before 1900'],
    ['2026-11-28', 'is in the future'],
  ])('refuses %j (%s), naming the flag', (input, problem) => {
    let error: unknown;
    try {
      parseWhen(input, now, '--onset');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('--onset');
    expect((error as UsageError).message).toContain(problem);
    expect((error as UsageError).exitCode).toBe(2);
  });
});

describe('parseWhen refusals name what is allowed', () => {
  const refusal = (input: string, at = now) => {
    try {
      parseWhen(input, at, '--onset');
    } catch (e) {
      return e as UsageError;
    }
    throw new Error('expected a refusal');
  };

  it('a future time is shown as typed, with the limit: 5 minutes from now', () => {
    const e = refusal('2026-11-27T23:00');
    expect(e.message).toBe('--onset "2026-11-27T23:00" is in the future');
    expect(e.hint).toBe('give a time up to 5 minutes from now (2026-11-27 10:05)');
  });

  it.each([
    // Europe/Berlin: the clocks go from 02:00 to 03:00 on 29 March 2026.
    ['2026-03-29T02:30', true],
    ['2026-03-29 02:00', true],
    ['2026-03-29T02:59:59', true],
    ['2026-03-29T01:59', false],
    ['2026-03-29T03:00', false],
    ['2026-03-29T02:30+01:00', false],
    // Autumn: 02:30 happens twice; it exists.
    ['2026-10-25T02:30', false],
  ])('a local time in the daylight-saving gap is refused by name: %s (%s)', (input, gap) => {
    const at = new Date('2026-11-27T10:00:00+01:00');
    if (gap) {
      const e = refusal(input, at);
      expect(e.exitCode).toBe(2);
      expect(e.message).toBe(`--onset "${input}" does not exist in local time: the clocks skipped that hour (summer time)`);
    } else expect(() => parseWhen(input, at, '--onset')).not.toThrow();
  });

  it('a typed value with a newline or escape is echoed inert', () => {
    expect(refusal('soon\nspasm: fake\u001b[2J\u202e').message).toBe('--onset "soon\\nspasm: fake␛[2J\\u202e" is not a time I can read');
  });
});

describe('parseIso', () => {
  it('reads local times in the local zone and keeps explicit offsets', () => {
    expect(parseIso('2026-11-27T10:00')?.toISOString()).toBe('2026-11-27T09:00:00.000Z');
    expect(parseIso('2026-11-27T10:00:00.250Z')?.toISOString()).toBe('2026-11-27T10:00:00.250Z');
    expect(parseIso('27/11/2026')).toBeUndefined();
  });
});

describe('parseDuration', () => {
  it.each([
    ['45m', 45 * 60_000],
    ['3h', 3 * 3_600_000],
    ['2d', 2 * 86_400_000],
    ['1w', 7 * 86_400_000],
    ['1d12h', 36 * 3_600_000],
    ['1h30m', 90 * 60_000],
    ['1D 2H', 26 * 3_600_000],
  ])('%s', (input, expected) => expect(parseDuration(input, '--lasted')).toBe(expected));

  it.each(['0h', '0d0h', '', '3', 'h', '-2h', '1.5h', '3x', '1h1h', 'two days'])('refuses %j naming the flag', (input) => {
    expect(() => parseDuration(input, '--lasted')).toThrowError(/--lasted/);
  });

  it('a refusal shows the format in its own line', () => {
    expect(() => parseDuration('5 days', 'That duration')).toThrowError(
      'That duration "5 days" is not a duration: use <n>m, <n>h, <n>d or <n>w, combinable: 45m, 3h, 2d, 1w, 1d12h',
    );
  });
});

describe('formatIso', () => {
  it('prints local time with its offset, to the second', () => {
    expect(formatIso(new Date('2026-11-27T09:00:00.900Z'))).toBe('2026-11-27T10:00:00+01:00');
    expect(formatIso(new Date('2026-06-01T09:00:00Z'))).toBe('2026-06-01T11:00:00+02:00');
  });
});

describe('formatSpan', () => {
  it.each([
    [12_000, '12 s'],
    [45 * 60_000, '45 min'],
    [3 * 3_600_000, '3 h'],
    [200 * 60_000, '3 h 20 min'],
    [86_400_000, '1 day'],
    [100 * 3_600_000, '4 days 4 h'],
  ])('%d ms → %s', (input, expected) => expect(formatSpan(input)).toBe(expected));
});

describe('printable', () => {
  it('neutralises escape sequences and control characters, keeps text and newlines', () => {
    expect(printable('ok\u001b[31mred\u0007\u009b2J\nnext\ttab é')).toBe('ok␛[31mred\\x07\\x9b2J\nnext\ttab é');
  });
});
