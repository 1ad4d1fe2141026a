// The booking form's own checks: the same rules as the database, each page's problem on its page.
import { describe, expect, it } from 'vitest';
import { checkAll, checkStep, EMPTY_ANSWERS, explainRefusal, toApi } from '../../../src/lib/festival-form';
import { sessionKey } from '../../../src/lib/festival-bookings';

const ok = { ...EMPTY_ANSWERS, name: 'Sam', email: 'sam@example.org', sessions: ['welcome'] };

describe('festival booking form', () => {
  it('asks for a name, a well-formed email and a session, each on its page', () => {
    expect(checkStep('you', EMPTY_ANSWERS)).toEqual({ name: 'Enter your name', email: 'Enter your email address' });
    expect(checkStep('you', { ...ok, email: 'sam@' }).email).toMatch(/correct format/);
    expect(checkStep('sessions', { ...ok, sessions: [] })).toEqual({ sessions: 'Choose at least one session' });
    expect(checkAll(ok)).toEqual({ errors: {} });
    expect(checkAll({ ...ok, sessions: [] }).first).toBe('sessions');
  });

  it('asks which interpreter and which diet only when they are chosen, and sends only those', () => {
    expect(checkStep('support', { ...ok, needs: ['interpreter', 'dietary'] })).toEqual({
      interpreter: 'Tell us which interpreter you need',
      dietary: 'Tell us what you can and cannot eat',
    });
    expect(toApi({ ...ok, needs: ['step_free'], interpreter: 'left over', dietary: 'left over', other: '  ' })).toEqual({
      p_sessions: ['welcome'],
      p_needs: ['step_free'],
      p_interpreter: null,
      p_dietary: null,
      p_other: null,
    });
  });

  it('words a refusal by its key and puts it on its field', () => {
    const problem = {
      ok: false as const,
      status: 400,
      message: 'English from SQL',
      key: 'email_not_valid',
      field: 'email',
      offline: false,
      signedOut: false,
    };
    expect(explainRefusal(problem)).toEqual({
      field: 'email',
      message: 'Enter an email address in the correct format, like name@example.com.',
    });
    expect(explainRefusal({ ...problem, key: 'looks_automated', field: undefined }).field).toBeUndefined();
  });

  it('keys a session by its title as the database does', () => {
    expect(sessionKey('The Co-production Tree')).toBe('the-co-production-tree');
    expect(sessionKey('Your say and goodbye')).toBe('your-say-and-goodbye');
  });
});
