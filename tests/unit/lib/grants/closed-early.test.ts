// A member whose scores were not sent when the officer closed scoring is told why, not just that
// the form is shut.
import { describe, expect, it } from 'vitest';
import { closedBeforeSentWords } from '../../../../src/lib/grants/closed-early.ts';

const round = { state: 'panel' as const, state_changed_at: '2026-12-04T10:00:00Z', scoring_deadline: '2026-12-10T17:00:00Z' };

describe('why scores can no longer be sent', () => {
  it('says when scoring closed, that it was before the deadline, and that unsent scores do not count', () => {
    const words = closedBeforeSentWords(round, 2)!;
    expect(words).toMatch(
      /^Scoring closed on 4 December 2026, before its deadline of 10 December 2026, before you sent your scores for 2 applications\./,
    );
    expect(words).toContain('The grants officer moved the round on to the panel meeting');
    expect(words).toContain('do not count');
    expect(words).not.toContain('kept on this device');
    expect(closedBeforeSentWords(round, 1, true)).toContain('before you sent these scores. ');
    expect(closedBeforeSentWords(round, 1, true)).toContain('The scores you chose are kept on this device.');
  });

  it('leaves out the deadline when scoring closed after it, and the date once the round has moved on again', () => {
    expect(closedBeforeSentWords({ ...round, scoring_deadline: '2026-12-01T17:00:00Z' }, 1)).toMatch(
      /^Scoring closed on 4 December 2026, before you sent/,
    );
    expect(closedBeforeSentWords({ ...round, state: 'recommended' }, 1)).toMatch(/^Scoring closed, before you sent these scores\./);
  });

  it('says nothing while scoring is open, or to a member who sent everything', () => {
    expect(closedBeforeSentWords({ ...round, state: 'scoring' }, 2)).toBeUndefined();
    expect(closedBeforeSentWords(round, 0)).toBeUndefined();
  });
});
