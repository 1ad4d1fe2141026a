import { describe, expect, it } from 'vitest';
import type { ApiProblem } from '../../../../src/lib/api-call.ts';
import { explainRefusal, FIELDS, notScoringWords, refusalErrors, refusalWords, stageOf } from '../../../../src/lib/grants/refusals.ts';

// The problems as src/lib/api-call.ts makes them from a private.refuse: key, field and facts.
// The English message is there as the database sends it, but the words must not depend on it.
const refused = (key: string | undefined, extra: Partial<ApiProblem> = {}): ApiProblem => ({
  ok: false,
  status: 400,
  message: 'The database words, never shown when the key has words.',
  key,
  offline: false,
  signedOut: false,
  ...extra,
});
const atStage = (key: string, stage: string, extra: Partial<ApiProblem> = {}) =>
  refused(key, { status: 409, code: 'PT409', facts: { stage }, ...extra });
const criteria = [
  { id: 'c1', title: 'Who it helps' },
  { id: 'c2', title: 'Value for money' },
];

describe('the database refusals, said again for a panel member', () => {
  it('puts a score out of range next to its question, with the highest score from the facts', () => {
    expect(explainRefusal('scores', refused('score_out_of_range', { field: 'criterion:c2', facts: { maximum: 4 } }), criteria)).toEqual([
      { field: 'c2', message: 'Choose a score from 0 to 4 for "Value for money"' },
    ]);
  });

  it('puts a comment problem next to its question', () => {
    expect(explainRefusal('scores', refused('score_comment_too_long', { field: 'criterion:c1', facts: { max: 2000 } }), criteria)).toEqual([
      { field: 'c1', message: 'Your comment on "Who it helps" is too long: keep it to 2,000 characters or fewer' },
    ]);
    expect(explainRefusal('scores', refused('score_comment_not_text', { field: 'criterion:c1' }), criteria)).toEqual([
      { field: 'c1', message: 'Write your comment on "Who it helps" in words' },
    ]);
  });

  it('says a question it does not show at the top, in the words for the key', () => {
    expect(explainRefusal('scores', refused('score_out_of_range', { field: 'criterion:gone', facts: { maximum: 4 } }), criteria)).toEqual([
      { field: 'form', message: 'Choose one of the scores shown' },
    ]);
    expect(explainRefusal('scores', refused('criterion_not_in_round'), criteria)![0]!.message).toMatch(/^One of the questions has changed/);
  });

  it('lists each question still to score, from the facts', () => {
    const problem = refused('scores_incomplete', { facts: { still_to_score: ['c1', 'c2'] } });
    expect(refusalErrors(explainRefusal('scores', problem, criteria)!)).toEqual({
      c1: 'Choose a score for "Who it helps"',
      c2: 'Choose a score for "Value for money"',
    });
    expect(explainRefusal('scores', refused('scores_incomplete', { facts: { still_to_score: ['other'] } }), criteria)).toEqual([
      { field: 'form', message: 'Choose a score for every question before you submit.' },
    ]);
  });

  it('says scoring has closed, where the round is now, that the work is kept, and whom to ask', () => {
    const [refusal] = explainRefusal('scores', atStage('scoring_not_now', 'panel'), criteria)!;
    expect(refusal).toMatchObject({ field: 'form', stageClosed: true });
    expect(refusal!.message).toBe(
      'Scoring has closed for this round, so your scores were not sent. This round is now at: Panel meeting. Your scores are kept on this device. Ask the chair or the grants officer what to do.',
    );
  });

  it('says a recommendation cannot be saved once the panel meeting is over, next to the choice', () => {
    const [refusal] = explainRefusal('recommendation', atStage('recommending_not_now', 'recommended'))!;
    expect(refusal).toMatchObject({ field: 'outcome', stageClosed: true });
    expect(refusal!.message).toContain('Nothing was changed');
    expect(refusal!.message).toContain('Recommendations made: with councillors for review');
  });

  it('maps the recommendation fields from the field the database names', () => {
    expect(
      explainRefusal('recommendation', refused('amount_over_request', { field: 'amount', facts: { amount_requested: 4000 } })),
    ).toEqual([{ field: 'amount', message: 'The amount cannot be more than the £4,000 asked for' }]);
    expect(explainRefusal('recommendation', refused('how_agreed_not_valid', { field: 'how' }))).toEqual([
      { field: 'how', message: 'Say how the panel agreed: everyone agreed, or a majority vote' },
    ]);
    expect(explainRefusal('recommendation', refused('required', { field: 'reasons' }))).toEqual([
      { field: 'reasons', message: "Write the panel's reasons" },
    ]);
    expect(explainRefusal('recommendation', refused('too_long', { field: 'conditions', facts: { max: 4000, length: 4100 } }))).toEqual([
      { field: 'conditions', message: 'This is too long: keep it to 4,000 characters or fewer' },
    ]);
    expect(explainRefusal('recommendation', refused('not_panel_lead'))).toEqual([
      { field: 'outcome', message: 'Only the chair, the clerk or a grants officer can record the recommendation.' },
    ]);
  });

  it('maps declarations, reopening, the agreement and comments to their fields', () => {
    expect(explainRefusal('declaration', refused('required', { field: 'reason' }))).toEqual([
      { field: 'reason', message: 'Say briefly why you have a conflict of interest' },
    ]);
    expect(explainRefusal('reopen', refused('required', { field: 'reason' }))).toEqual([
      { field: 'reason', message: 'Say why you want to change your scores' },
    ]);
    expect(explainRefusal('declaration', refused('conflict_cannot_be_withdrawn', { status: 409, field: 'answer' }))![0]!.field).toBe(
      'answer',
    );
    expect(explainRefusal('declaration', refused('conflict_answer_needed', { field: 'answer' }))).toEqual([
      { field: 'answer', message: 'Choose yes or no' },
    ]);
    expect(explainRefusal('reopen', atStage('scoring_not_now', 'panel'))![0]).toMatchObject({ field: 'reason', stageClosed: true });
    expect(explainRefusal('reopen', refused('reopen_already_requested', { status: 409 }))![0]!.field).toBe('reason');
    expect(explainRefusal('agreement', refused('not_panel_member', { status: 403 }))![0]!.field).toBe('agree');
    expect(explainRefusal('comment', refused('meeting_not_in_round', { field: 'meeting' }))![0]!.field).toBe('meeting');
    expect(explainRefusal('comment', atStage('commenting_not_now', 'decided'))![0]).toMatchObject({ field: 'comment', stageClosed: true });
    expect(explainRefusal('declaration', atStage('declaring_not_now', 'recommended'))![0]).toMatchObject({
      field: 'answer',
      stageClosed: true,
    });
  });

  it('puts the conflict refusals where each form can show them', () => {
    expect(explainRefusal('recommendation', refused('conflict_declared', { status: 403 }))![0]!.field).toBe('outcome');
    expect(explainRefusal('comment', refused('conflict_declared', { status: 403, field: 'comment' }))![0]!.field).toBe('comment');
    expect(explainRefusal('scores', refused('conflict_declared', { status: 403 }), criteria)![0]!.field).toBe('form');
    expect(explainRefusal('recommendation', refused('conflict_not_declared', { status: 403 }))![0]!.field).toBe('outcome');
  });

  it('a stage refusal for another form is said in its own words, not as that form closing', () => {
    const [refusal] = explainRefusal('comment', atStage('scoring_not_now', 'panel'))!;
    expect(refusal).toEqual({ field: 'form', message: 'Scores can only be given or changed while the round is being scored.' });
  });

  it('uses only field names the forms know', () => {
    for (const [action, fields] of Object.entries(FIELDS)) {
      if (action === 'scores') continue;
      const refusal = explainRefusal(action as keyof typeof FIELDS, refused('required', { field: 'reason' }))!;
      expect([...fields, 'form']).toContain(refusal[0]!.field);
    }
    expect(explainRefusal('comment', refused('required', { field: 'date' }))![0]!.field).toBe('form');
  });

  it('keeps a refusal without words in the database words, with the hint', () => {
    expect(
      explainRefusal(
        'scores',
        refused(undefined, { status: 404, message: 'We could not find that application.', hint: 'Go back to the list.' }),
      ),
    ).toEqual([{ field: 'form', message: 'We could not find that application. Go back to the list.' }]);
    expect(explainRefusal('scores', refused('no_such_key', { message: 'Plain words.' }))).toEqual([
      { field: 'form', message: 'Plain words.' },
    ]);
  });

  it('leaves offline, signed-out and server faults to the screens', () => {
    expect(explainRefusal('scores', refused('x', { offline: true, status: 0 }))).toBeUndefined();
    expect(explainRefusal('scores', refused('session_ended', { signedOut: true, status: 401 }))).toBeUndefined();
    expect(explainRefusal('scores', refused('x', { status: 500 }))).toBeUndefined();
  });

  it('reads the stage from the facts, and ignores anything else', () => {
    expect(stageOf({ facts: { stage: 'scoring' } })).toBe('scoring');
    expect(stageOf({ facts: { stage: 'nowhere' } })).toBeUndefined();
    expect(stageOf({})).toBeUndefined();
  });

  it('gives the words for a key, or the database message for a key without words', () => {
    expect(refusalWords({ key: 'amount_awarded_not_valid', message: 'x' })).toBe(
      'Enter the amount Cabinet awarded in pounds, or no amount if it did not award',
    );
    expect(refusalWords({ key: 'required', message: 'x' })).toBe('This is needed: please fill it in.');
    expect(refusalWords({ message: 'Plain words.' })).toBe('Plain words.');
  });
});

describe('before a member tries to score', () => {
  it('says whether scoring has not started or has closed, and whom to ask', () => {
    expect(notScoringWords('closed', false)).toBe(
      'Scoring has not started for this round yet. It is at: Applications closed. Ask the chair or the grants officer what to do.',
    );
    expect(notScoringWords('panel', true)).toBe(
      'Scoring has closed for this round. It is now at: Panel meeting. The scores you chose are kept on this device. Ask the chair or the grants officer what to do.',
    );
  });
});
