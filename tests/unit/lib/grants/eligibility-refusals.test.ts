// The editor's words and field for each refusal come from its key, never from the database's English.
import { describe, expect, it } from 'vitest';
import type { ApiProblem } from '../../../../src/lib/api-call.ts';
import { explainEditorRefusal } from '../../../../src/lib/grants/eligibility-refusals.ts';

const problem = (over: Partial<ApiProblem>): ApiProblem => ({
  ok: false,
  status: 400,
  message: 'Database words.',
  offline: false,
  signedOut: false,
  ...over,
});

describe('explainEditorRefusal', () => {
  it('chooses the words by key and shows them by the field named', () => {
    expect(explainEditorRefusal(problem({ key: 'eligibility_no_answer_allowed', field: 'answers' }))).toEqual({
      field: 'answers',
      message: expect.stringMatching(/^At least one answer must let a group carry on/),
    });
    expect(explainEditorRefusal(problem({ key: 'closing_before_opening', field: 'closes_on' }))).toMatchObject({ field: 'closes_on' });
    expect(explainEditorRefusal(problem({ key: 'required', field: 'question' }))).toMatchObject({
      field: 'question',
      message: 'This is needed: please fill it in.',
    });
  });

  it('puts a refusal about no field, or an unknown one, on the whole form', () => {
    expect(explainEditorRefusal(problem({ key: 'not_officer' }))).toEqual({ field: 'form', message: 'Only grants officers can do this.' });
    expect(explainEditorRefusal(problem({ key: 'round_details_fixed', field: 'p_title' }))?.field).toBe('form');
  });

  it('leaves offline, signed-out and keyless problems to the screen', () => {
    expect(explainEditorRefusal(problem({ key: 'required', offline: true }))).toBeUndefined();
    expect(explainEditorRefusal(problem({ key: 'required', signedOut: true }))).toBeUndefined();
    expect(explainEditorRefusal(problem({}))).toBeUndefined();
  });
});
