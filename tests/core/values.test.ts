import { describe, expect, it } from 'vitest';
import { parseChoice, parseMinutes, parsePain } from '../../src/core/values.js';

describe('parsePain', () => {
  it.each([['0', 0], ['7', 7], ['10', 10], [' 3 ', 3], [5, 5]])('%j → %d', (input, expected) => expect(parsePain(input, '--pain')).toBe(expected));
  it.each(['11', '-1', '2.5', 'seven', '', '1e1', '010'])('refuses %j with the flag and the range', (input) => {
    expect(() => parsePain(input, '--pain')).toThrowError(/--pain must be a whole number from 0 to 10/);
  });
});

describe('parseMinutes', () => {
  it('accepts whole minutes in range', () => expect(parseMinutes('20', '--minutes', 1, 20)).toBe(20));
  it.each(['0', '21', '2.5', 'ten', ''])('refuses %j', (input) => {
    expect(() => parseMinutes(input, '--minutes', 1, 20)).toThrowError(/--minutes must be a whole number of minutes from 1 to 20/);
  });
});

describe('parseChoice', () => {
  it('accepts a listed value, any case', () => expect(parseChoice('HEAT', ['cold', 'heat'] as const, '--therapy')).toBe('heat'));
  it('names the allowed values', () => {
    expect(() => parseChoice('ice', ['cold', 'heat'] as const, '--therapy')).toThrowError('--therapy must be one of cold, heat (got "ice")');
  });
});
