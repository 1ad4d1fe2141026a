import { describe, expect, it } from 'vitest';
import { codeProblem, emailProblem } from '../../../../src/lib/auth/messages.ts';
import { safeNextPath } from '../../../../src/lib/auth/next-path.ts';

describe('where to go after signing in', () => {
  it.each([
    ['/panel/round/3/', '/panel/round/3/'],
    ['/panel/?tab=2#x', '/panel/?tab=2#x'],
    ['//evil.example/', '/panel/'],
    ['https://evil.example/', '/panel/'],
    ['/\\evil.example', '/panel/'],
    ['javascript:alert(1)', '/panel/'],
    ['', '/panel/'],
    [null, '/panel/'],
  ])('%s → %s', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });
});

describe('sign-in form checks', () => {
  it('explains a missing or malformed email address', () => {
    expect(emailProblem('')).toBe('Enter your email address.');
    expect(emailProblem('a@b')).toMatch(/right format/);
    expect(emailProblem(' a@example.org ')).toBeUndefined();
  });

  it('explains a code that is not six numbers', () => {
    expect(codeProblem('')).toBe('Enter the code from the email.');
    expect(codeProblem('12345')).toBe('The code is 6 numbers, like 123456.');
    expect(codeProblem('123 456')).toBeUndefined();
  });
});
