// The plain answer of "Check if you can apply", and the closing-date words on /grants/.
import { describe, expect, it } from 'vitest';
import { checkEligibility, closingSoon, type QuestionForCheck } from '../../../../src/lib/grants/eligibility.ts';

const questions: QuestionForCheck[] = [
  {
    id: 'kind',
    question: 'What kind of organisation are you?',
    answers: [
      { answer: 'A charity', ineligible_reason: null },
      { answer: 'A person on my own', ineligible_reason: 'We give grants to groups.' },
    ],
  },
  {
    id: 'where',
    question: 'Where will your project happen?',
    answers: [
      { answer: 'In Oxfordshire', ineligible_reason: null },
      { answer: 'Outside Oxfordshire', ineligible_reason: 'This fund is for Oxfordshire.' },
    ],
  },
];

describe('checkEligibility', () => {
  it('says a group can apply when no answer rules it out', () => {
    expect(checkEligibility(questions, { kind: 'A charity', where: 'In Oxfordshire' })).toEqual({ outcome: 'eligible' });
  });

  it('gives the first reason that rules a group out, with the question and answer it came from', () => {
    expect(checkEligibility(questions, { kind: 'A person on my own', where: 'Outside Oxfordshire' })).toEqual({
      outcome: 'ineligible',
      question: 'What kind of organisation are you?',
      answer: 'A person on my own',
      reason: 'We give grants to groups.',
    });
    expect(checkEligibility(questions, { kind: 'A charity', where: 'Outside Oxfordshire' })).toMatchObject({
      reason: 'This fund is for Oxfordshire.',
    });
  });

  it('names the first question still to answer, including an answer that is no longer a choice', () => {
    expect(checkEligibility(questions, { kind: 'A charity' })).toEqual({ outcome: 'unanswered', questionId: 'where' });
    expect(checkEligibility(questions, { kind: 'A club', where: 'In Oxfordshire' })).toEqual({ outcome: 'unanswered', questionId: 'kind' });
  });

  it('a fund with no questions rules nobody out', () => {
    expect(checkEligibility([], {})).toEqual({ outcome: 'eligible' });
  });
});

describe('closingSoon', () => {
  it('counts down the last two weeks in words', () => {
    expect(closingSoon(0)).toBe('Closes today');
    expect(closingSoon(1)).toBe('Closes tomorrow');
    expect(closingSoon(3)).toBe('Closes in 3 days');
    expect(closingSoon(14)).toBe('Closes in 14 days');
  });

  it('says nothing when the closing date is far off, passed or not set', () => {
    expect(closingSoon(15)).toBeNull();
    expect(closingSoon(-1)).toBeNull();
    expect(closingSoon(null)).toBeNull();
  });
});
