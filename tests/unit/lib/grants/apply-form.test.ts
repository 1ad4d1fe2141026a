// The online application's browser-side checks and the round trip between the form and what
// api.apply_save_task takes. The format rules are the database's (tested in
// tests/db/grants/online-applications.test.ts); these only keep obvious mistakes off the wire.
import { describe, expect, it } from 'vitest';
import { answersFrom, checkTask, fieldAnchor, fieldProblem, formatDeadline, formFrom } from '../../../../src/lib/grants/apply-form.ts';
import type { ApiProblem } from '../../../../src/lib/api-call.ts';

const problem = (key: string, field: string, facts: Record<string, unknown> = {}): ApiProblem => ({
  ok: false,
  status: 400,
  message: 'from the database',
  key,
  field,
  facts,
  offline: false,
  signedOut: false,
});

describe('the application form', () => {
  it('says what is missing in every required field of a task', () => {
    expect(Object.keys(checkTask('organisation', formFrom('organisation', undefined)))).toEqual([
      'organisation_name',
      'organisation_type',
      'address',
      'postcode',
    ]);
    const project = checkTask('project', formFrom('project', undefined));
    expect(project.planned_start).toEqual({ message: 'Enter the start date', parts: ['day', 'month', 'year'] });
    expect(Object.keys(checkTask('declaration', formFrom('declaration', undefined)))).toEqual(['confirmed', 'declared_by']);
  });

  it('refuses a date that is not real and an amount that is not a number, before sending', () => {
    const form = formFrom('project', { planned_start: '2027-04-01', planned_end: '2027-04-02' });
    form.planned_start = { day: '30', month: '2', year: '2027' };
    expect(checkTask('project', form).planned_start?.message).toBe('The start date must be a real date');
    const money = formFrom('money', undefined);
    money.amount_requested = 'lots';
    money.budget_lines = [{ item: 'Tea', amount: 'some' }];
    const errors = checkTask('money', money);
    expect(errors.amount_requested?.message).toMatch(/^Enter an amount in pounds/);
    expect(errors.budget_amount_1?.message).toMatch(/^Enter the cost in pounds/);
  });

  it('sends what the database takes, and reads it back', () => {
    const answers = { amount_requested: 2500, budget_lines: [{ item: 'Tea', amount: 2500 }], other_funding: '' };
    const form = formFrom('money', answers);
    expect(form.amount_requested).toBe('2500');
    form.amount_requested = '£2,500';
    expect(answersFrom('money', form)).toEqual(answers);
    expect(answersFrom('project', formFrom('project', { planned_start: '2027-04-01' })).planned_start).toBe('2027-04-01');
  });

  it('puts a refusal by its field, in words chosen by its key', () => {
    expect(fieldProblem('organisation', problem('required', 'postcode'))).toEqual({ field: 'postcode', message: 'Enter the postcode' });
    expect(fieldProblem('money', problem('too_long', 'other_funding', { max: 2000 }))?.message).toBe(
      'Other funding for this project (optional) must be 2,000 characters or fewer',
    );
    expect(fieldProblem('organisation', problem('postcode_not_valid', 'postcode'))?.message).toBe('Enter a real postcode, like OX1 1AA');
    expect(fieldProblem('money', { ...problem('tasks_not_complete', ''), field: undefined })).toBeUndefined();
    expect(fieldAnchor('planned_end', ['month'])).toBe('f-planned_end-month');
  });

  it('gives the deadline as the last minute of the closing day', () => {
    expect(formatDeadline('2027-01-29')).toBe('11:59pm on Friday 29 January 2027');
  });
});
