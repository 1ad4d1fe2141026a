import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../../src/lib/api-call.ts';

// Officers' forms that are not copied to the device must not promise that they are.
describe('what a failure message promises about typed work', () => {
  it('says the work is on the device by default, where screens keep a copy', () => {
    expect(describeProblem(503, { message: 'x' }).message).toContain('Your work is kept on this device');
  });
  it('says it is still in the form when the screen keeps it only there, and promises nothing when signed out', () => {
    expect(describeProblem(0, { message: 'TypeError: Failed to fetch' }, 'form')).toMatchObject({
      offline: true,
      message: expect.stringContaining('What you typed is still in the form'),
    });
    expect(describeProblem(500, null, 'form').message).toBe(
      'Something went wrong on our side. What you typed is still in the form. Try again in a few minutes.',
    );
    expect(describeProblem(401, { message: 'JWT expired' }, 'form').message).toBe('You have been signed out. Sign in again to carry on.');
    for (const status of [0, 401, 500]) expect(describeProblem(status, { message: 'x' }, 'form').message).not.toMatch(/device/);
  });
  it("passes the database's own plain words through either way", () => {
    expect(describeProblem(400, { message: 'Enter the date of the meeting.' }, 'form').message).toBe('Enter the date of the meeting.');
  });
});

describe('the key and field of a refusal', () => {
  it('are read from the JSON detail the database sends, with the other facts apart', () => {
    expect(describeProblem(409, { message: 'Too much.', details: '{"key":"over_budget","field":"proposal:7","left":50}' })).toMatchObject({
      key: 'over_budget',
      field: 'proposal:7',
      facts: { left: 50 },
    });
  });
  it('are absent when detail is plain text or malformed', () => {
    for (const details of ['Still to score: Ann', '{not json', '{"field":"x"}', undefined]) {
      const problem = describeProblem(400, { message: 'x', details });
      expect(problem.key).toBeUndefined();
      expect(problem.field).toBeUndefined();
    }
  });
});

describe('an argument of the wrong type', () => {
  it('gets the key wrong_type and plain words, whatever PostgreSQL said', () => {
    for (const code of ['22P02', '22023', '22003', '22007', '22008']) {
      const problem = describeProblem(400, { code, message: 'invalid input syntax for type uuid: "abc"' });
      expect(problem, code).toMatchObject({ key: 'wrong_type', offline: false, signedOut: false });
      expect(problem.message).not.toMatch(/syntax|uuid/);
      expect(problem.message).toMatch(/not of the right kind/);
    }
  });
  it('keeps a keyed refusal of ours, and gives no key to other errors', () => {
    expect(describeProblem(400, { code: 'P0001', message: 'Too long.', details: '{"key":"too_long","field":"title"}' }).key).toBe(
      'too_long',
    );
    expect(describeProblem(400, { code: '22P02', message: 'x', details: '{"key":"too_long"}' }).key).toBe('too_long');
    expect(describeProblem(500, { code: '22P02', message: 'x' }).key).toBeUndefined();
    expect(describeProblem(400, { code: 'P0001', message: 'Enter the date of the meeting.' }).key).toBeUndefined();
    expect(describeProblem(404, { code: 'PGRST202', message: 'Could not find the function' }).key).toBeUndefined();
  });
});
