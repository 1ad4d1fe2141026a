import { describe, expect, it } from 'vitest';
import { checkDateParts, partsFromIso } from '../../../src/lib/date-input';

const d = (day: string, month: string, year: string) => ({ day, month, year });

describe('checkDateParts', () => {
  it('accepts a real date and pads it', () => {
    expect(checkDateParts(d('4', '3', '2027'), 'The start date')).toEqual({ ok: true, iso: '2027-03-04' });
    expect(checkDateParts(d(' 29 ', '02', '2028'), 'The start date')).toEqual({ ok: true, iso: '2028-02-29' });
  });

  it('lets an optional date be left empty, but not a required one', () => {
    expect(checkDateParts(d('', '', ''), 'The start date')).toEqual({ ok: true, iso: null });
    expect(checkDateParts(d('', '', ''), 'The start date', true)).toEqual({
      ok: false,
      message: 'Enter the start date',
      parts: ['day', 'month', 'year'],
    });
  });

  it('names the missing boxes', () => {
    expect(checkDateParts(d('4', '', '2027'), 'The end date')).toEqual({
      ok: false,
      message: 'The end date must include a month',
      parts: ['month'],
    });
    expect(checkDateParts(d('4', '', ''), 'The end date')).toEqual({
      ok: false,
      message: 'The end date must include a month and a year',
      parts: ['month', 'year'],
    });
  });

  it('refuses dates that do not exist', () => {
    expect(checkDateParts(d('29', '2', '2027'), 'The end date')).toMatchObject({
      ok: false,
      message: 'The end date must be a real date',
      parts: ['day'],
    });
    expect(checkDateParts(d('1', '13', '2027'), 'The end date')).toMatchObject({ ok: false, parts: ['month'] });
    expect(checkDateParts(d('x', '1', '2027'), 'The end date')).toMatchObject({ ok: false, parts: ['day'] });
    expect(checkDateParts(d('1', '1', '27'), 'The end date')).toEqual({
      ok: false,
      message: 'Year must include 4 numbers',
      parts: ['year'],
    });
  });
});

describe('partsFromIso', () => {
  it('reads a stored timestamp back into the boxes', () => {
    expect(partsFromIso('2027-03-04T00:00:00+00:00')).toEqual(d('4', '3', '2027'));
    expect(partsFromIso(null)).toEqual(d('', '', ''));
  });
});
