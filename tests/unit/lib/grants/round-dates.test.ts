import { describe, expect, it } from 'vitest';
import { deadlineWarning } from '../../../../src/lib/grants/round-dates';

const now = new Date('2026-12-04T10:00:00Z');

describe('deadlineWarning', () => {
  it('warns when scoring closes tomorrow', () => {
    expect(deadlineWarning('2026-12-05T17:00:00+00:00', now)).toBe('Scoring closes tomorrow, 5 December');
  });
  it('warns when scoring closes later today', () => {
    expect(deadlineWarning('2026-12-04T17:00:00+00:00', now)).toBe('Scoring closes today, 4 December');
  });
  it('says nothing two days ahead, once the deadline has passed, or without one', () => {
    expect(deadlineWarning('2026-12-06T17:00:00+00:00', now)).toBeUndefined();
    expect(deadlineWarning('2026-12-04T09:00:00+00:00', now)).toBeUndefined();
    expect(deadlineWarning(null, now)).toBeUndefined();
  });
});
