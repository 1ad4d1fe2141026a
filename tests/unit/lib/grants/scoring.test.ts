import { describe, expect, it } from 'vitest';
import { progressText, rolesText } from '../../../../src/lib/grants/rounds.ts';
import {
  emptySheet,
  invalidScores,
  isValidScore,
  missingScores,
  scoreProblems,
  scoresToSend,
  type Criterion,
} from '../../../../src/lib/grants/scoring.ts';

const criterion = (id: string): Criterion => ({
  id,
  position: 1,
  title: `Q ${id}`,
  guidance: '',
  weight: 1,
  maximum: 4,
  descriptors: ['a', 'b', 'c', 'd', 'e'],
});
const criteria = [criterion('a'), criterion('b'), criterion('c')];

describe('the scoring form rules', () => {
  it('lists the questions still without a score, counting 0 as a score', () => {
    const sheet = { ...emptySheet(criteria), a: { score: 0, comment: '' }, c: { score: 4, comment: 'x' } };
    expect(missingScores(criteria, sheet).map((c) => c.id)).toEqual(['b']);
  });

  it('sends only scored questions, with blank comments as null', () => {
    const sheet = {
      ...emptySheet(criteria),
      a: { score: 2, comment: '  ' },
      b: { score: null, comment: 'kept on the device' },
      c: { score: 3, comment: ' Good ' },
    };
    expect(scoresToSend(sheet)).toEqual([
      { criterion_id: 'a', score: 2, comment: null },
      { criterion_id: 'c', score: 3, comment: 'Good' },
    ]);
  });
});

describe('scores out of range', () => {
  it('takes only whole numbers from 0 to the highest score', () => {
    const c = criterion('a');
    for (const ok of [0, 1, 4]) expect(isValidScore(c, ok)).toBe(true);
    for (const bad of [-1, 5, 99, 2.5, Number.NaN, '3', null, undefined]) expect(isValidScore(c, bad)).toBe(false);
  });

  it('names a question whose kept score is out of range, and says what to do next to it', () => {
    const sheet = { ...emptySheet(criteria), a: { score: 99, comment: '' }, c: { score: 4, comment: '' } };
    expect(invalidScores(criteria, sheet).map((c) => c.id)).toEqual(['a']);
    expect(scoreProblems(criteria, sheet)).toEqual({ a: 'Choose a score from 0 to 4 for "Q a"', b: 'Choose a score for "Q b"' });
  });

  it('does not send a score the database would refuse, nor one for a question no longer in the round', () => {
    const sheet = { a: { score: 99, comment: '' }, b: { score: 1, comment: '' }, gone: { score: 2, comment: '' } };
    expect(scoresToSend(sheet, criteria)).toEqual([{ criterion_id: 'b', score: 1, comment: null }]);
    expect(scoresToSend(sheet)).toHaveLength(3);
  });
});

describe('panel words', () => {
  it('counts conflicts out of what is left to score', () => {
    expect(progressText({ applications: 12, declared: 3, conflicts: 1, submitted: 7 })).toBe('7 of 11 scored (1 with a conflict declared)');
    expect(progressText({ applications: 12, declared: 0, conflicts: 0, submitted: 0 })).toBe('0 of 12 scored');
  });

  it('joins roles in plain words', () => {
    expect(rolesText(['member'])).toBe('panel member');
    expect(rolesText(['chair', 'member', 'reviewer'])).toBe('chair, panel member and reviewing councillor');
  });
});
