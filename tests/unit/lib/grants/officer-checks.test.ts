import { describe, expect, it } from 'vitest';
import {
  checkCabinetDecision,
  checkDateRange,
  checkReviewMeeting,
  fieldFor,
  isRealDate,
  todayHere,
} from '../../../../src/lib/grants/officer-checks.ts';

const march10 = { day: '10', month: '3', year: '2027' };
const noDate = { day: '', month: '', year: '' };
const award = { decision: 'award' as const, amount: '£4,000', date: march10, minute: 'CAB/2027/14', confirmMore: false };

describe('real dates', () => {
  it('knows a calendar date from an impossible one', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('2027-13-01')).toBe(false);
    expect(isRealDate('10/03/2027')).toBe(false);
  });
  it('gives today in the local calendar', () => {
    expect(todayHere(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05');
  });
});

describe("the Cabinet's decision", () => {
  it('accepts a good award and reads the amount in pounds', () => {
    expect(checkCabinetDecision(award, 5000, '2027-03-11')).toEqual({ ok: true, amount: 4000, date: '2027-03-10' });
  });
  it('needs no amount when Cabinet does not award', () => {
    expect(checkCabinetDecision({ ...award, decision: 'not_award', amount: '' }, 5000, '2027-03-11')).toEqual({
      ok: true,
      amount: null,
      date: '2027-03-10',
    });
  });
  it('names each missing or wrong field', () => {
    expect(checkCabinetDecision({ ...award, amount: '', date: noDate, minute: ' ' }, 5000, '2027-03-11')).toEqual({
      ok: false,
      dateParts: ['day', 'month', 'year'],
      problems: {
        amount: 'Enter the amount Cabinet awarded, in pounds, like 5000',
        date: 'Enter the date of the Cabinet meeting',
        minute: 'Enter the minute reference, like CAB/2027/14',
      },
    });
    expect(checkCabinetDecision({ ...award, amount: '-5' }, 5000, '2027-03-11')).toMatchObject({
      problems: { amount: 'Enter the amount as a number of pounds greater than 0, like 5000' },
    });
    expect(checkCabinetDecision({ ...award, amount: 'lots' }, 5000, '2027-03-11')).toMatchObject({
      problems: { amount: expect.stringContaining('greater than 0') },
    });
  });
  it('marks only the date boxes that are wrong', () => {
    expect(checkCabinetDecision({ ...award, date: { day: '10', month: '', year: '2027' } }, 5000, '2027-03-11')).toEqual({
      ok: false,
      dateParts: ['month'],
      problems: { date: 'The date of the Cabinet meeting must include a month' },
    });
    expect(checkCabinetDecision({ ...award, date: { day: '31', month: '2', year: '2027' } }, 5000, '2027-03-11')).toMatchObject({
      dateParts: ['day'],
      problems: { date: 'The date of the Cabinet meeting must be a real date' },
    });
  });
  it('refuses a date in the future', () => {
    expect(checkCabinetDecision(award, 5000, '2027-03-09')).toEqual({
      ok: false,
      dateParts: ['day', 'month', 'year'],
      problems: { date: 'The Cabinet meeting date cannot be in the future. Record the decision once Cabinet has met' },
    });
    expect(checkCabinetDecision(award, 5000, '2027-03-10').ok).toBe(true);
  });
  it('asks for a confirmation before recording more than was asked for', () => {
    expect(checkCabinetDecision({ ...award, amount: '6000' }, 5000, '2027-03-11')).toEqual({
      ok: false,
      problems: {
        amount: 'That is more than the £5,000 asked for. Check the amount, or tick the box to confirm Cabinet awarded more',
      },
    });
    expect(checkCabinetDecision({ ...award, amount: '6000', confirmMore: true }, 5000, '2027-03-11')).toEqual({
      ok: true,
      amount: 6000,
      date: '2027-03-10',
    });
  });
});

describe('a review meeting', () => {
  it('needs its name and a real date; notes are optional', () => {
    expect(checkReviewMeeting({ title: 'Review meeting 1 of 5', date: { day: '1', month: '2', year: '2027' }, notes: '' })).toEqual({
      problems: {},
      date: '2027-02-01',
    });
    expect(checkReviewMeeting({ title: ' ', date: noDate, notes: '' })).toEqual({
      problems: { title: 'Enter which meeting it was, like Review meeting 1 of 5', date: 'Enter the date of the meeting' },
      dateParts: ['day', 'month', 'year'],
    });
    expect(checkReviewMeeting({ title: 'x', date: { day: '30', month: '2', year: '2027' }, notes: '' })).toEqual({
      problems: { date: 'The date of the meeting must be a real date' },
      dateParts: ['day'],
    });
    expect(checkReviewMeeting({ title: 'x', date: { day: '1', month: '2', year: '27' }, notes: '' })).toMatchObject({
      problems: { date: 'Year must include 4 numbers' },
      dateParts: ['year'],
    });
  });
});

describe("the audit viewer's dates", () => {
  it('puts each problem next to its own field', () => {
    expect(checkDateRange('', '')).toEqual({});
    expect(checkDateRange('2030-01-01', '2030-01-01')).toEqual({});
    expect(checkDateRange('2030-01-02', '2030-01-01')).toEqual({ from: 'The "from" date must be before the "to" date, or the same day' });
    expect(checkDateRange('2030-02-31', 'soon')).toEqual({
      from: expect.stringContaining('real "from" date'),
      to: expect.stringContaining('real "to" date'),
    });
  });
});

it("places the database's refusal next to the field it names, and anything else in the summary", () => {
  const fields = ['amount', 'date', 'minute'] as const;
  expect(fieldFor({ field: 'amount' }, fields)).toBe('amount');
  expect(fieldFor({ field: 'date' }, fields)).toBe('date');
  expect(fieldFor({ field: 'conditions' }, fields)).toBeUndefined();
  expect(fieldFor({}, fields)).toBeUndefined();
});
