// The lead's form checks the database's rules before sending: lengths for a draft, and for a
// sent update a title, something said, and "you said" in the people's voice.
import { describe, expect, it } from 'vitest';
import { checkAnswers, emptyAnswers, monthChoices } from '../../../../src/lib/projects/update-form.ts';

const full = { ...emptyAnswers(new Date('2026-12-04')), title: 'Riders met', youSaid: 'Riders said Tuesday matters.' };

describe('checkAnswers', () => {
  it('lets a half-written draft be saved, but not one too long', () => {
    expect(checkAnswers({ ...full, title: '' }, false)).toEqual({});
    expect(checkAnswers({ ...full, title: 'x'.repeat(121) }, false)).toHaveProperty('title');
  });

  it('refuses to send without a title, with nothing said, or with "you said" in the council\'s voice', () => {
    expect(checkAnswers(full, true)).toEqual({});
    expect(checkAnswers({ ...full, title: ' ' }, true)).toHaveProperty('title');
    expect(checkAnswers({ ...full, youSaid: '' }, true)).toHaveProperty('text');
    expect(checkAnswers({ ...full, youSaid: 'We asked them.' }, true)).toHaveProperty('youSaid');
  });
});

it('offers this month and the eleven before it, newest first', () => {
  const months = monthChoices(new Date(2026, 0, 15));
  expect(months).toHaveLength(12);
  expect(months[0]).toEqual({ value: '2026-01-01', label: 'January 2026' });
  expect(months[11]).toEqual({ value: '2025-02-01', label: 'February 2025' });
});
