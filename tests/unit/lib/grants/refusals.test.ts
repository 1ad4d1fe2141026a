import { describe, expect, it } from 'vitest';
import type { ApiProblem } from '../../../../src/lib/api-call.ts';
import { explainRefusal, FIELDS, notScoringWords, refusalErrors, stageFromHint } from '../../../../src/lib/grants/refusals.ts';

const refused = (message: string, extra: Partial<ApiProblem> = {}): ApiProblem => ({ ok: false, status: 400, message, offline: false, signedOut: false, ...extra });
const criteria = [{ id: 'c1', title: 'Who it helps' }, { id: 'c2', title: 'Value for money' }];

describe('the database refusals, said again for a panel member', () => {
  it('puts a score out of range next to its question', () => {
    expect(explainRefusal('scores', refused('Give "Value for money" a whole number from 0 to 4.'), criteria)).toEqual([
      { field: 'c2', message: 'Choose a score from 0 to 4 for "Value for money"' },
    ]);
  });

  it('lists each question still to score, from the hint', () => {
    const problem = refused('Score every criterion before you submit.', { hint: 'Still to score: "Who it helps", "Value for money".' });
    expect(refusalErrors(explainRefusal('scores', problem, criteria)!)).toEqual({
      c1: 'Choose a score for "Who it helps"',
      c2: 'Choose a score for "Value for money"',
    });
  });

  it('says scoring has closed, where the round is now, that the work is kept, and whom to ask', () => {
    const problem = refused('Scores can only be given or changed while the round is being scored.', { status: 409, code: 'PT409', hint: 'The round is at the "panel" stage.' });
    const [refusal] = explainRefusal('scores', problem, criteria)!;
    expect(refusal).toMatchObject({ field: 'form', stageClosed: true });
    expect(refusal!.message).toBe('Scoring has closed for this round, so your scores were not sent. This round is now at: Panel meeting. Your scores are kept on this device. Ask the chair or the grants officer what to do.');
  });

  it('says a recommendation cannot be saved once the panel meeting is over, next to the choice', () => {
    const problem = refused('Recommendations are recorded at the panel meeting.', { status: 409, hint: 'The round is at the "recommended" stage.' });
    const [refusal] = explainRefusal('recommendation', problem)!;
    expect(refusal).toMatchObject({ field: 'outcome', stageClosed: true });
    expect(refusal!.message).toContain('Nothing was changed');
    expect(refusal!.message).toContain('Recommendations made: with councillors for review');
  });

  it('maps the recommendation fields', () => {
    expect(explainRefusal('recommendation', refused('The amount cannot be more than the £4,000.00 asked for.'))).toEqual([{ field: 'amount', message: 'The amount cannot be more than the £4,000.00 asked for' }]);
    expect(explainRefusal('recommendation', refused('Say how the panel agreed: consensus or majority vote.'))![0]!.field).toBe('how');
    expect(explainRefusal('recommendation', refused("Enter the panel's reasons."))).toEqual([{ field: 'reasons', message: "Write the panel's reasons" }]);
    expect(explainRefusal('recommendation', refused('That is too long for the conditions: keep it to 4000 characters or fewer.'))).toEqual([
      { field: 'conditions', message: 'This is too long: keep it to 4,000 characters or fewer' },
    ]);
  });

  it('maps declarations, reopening, the agreement and comments to their fields', () => {
    expect(explainRefusal('declaration', refused('Enter why you have a conflict of interest.'))![0]!.field).toBe('reason');
    expect(explainRefusal('declaration', refused('You have already declared a conflict of interest with this application, and it cannot be withdrawn.'))![0]!.field).toBe('answer');
    expect(explainRefusal('reopen', refused('Scores can only be given or changed while the round is being scored.'))![0]).toMatchObject({ field: 'reason', stageClosed: true });
    expect(explainRefusal('agreement', refused("Only members of this round's panel can do this."))![0]!.field).toBe('agree');
    expect(explainRefusal('comment', refused("That meeting is not one of this round's review meetings."))![0]!.field).toBe('meeting');
    expect(explainRefusal('comment', refused('Comments are added while the recommendations are on their way to Cabinet.'))![0]).toMatchObject({ field: 'comment', stageClosed: true });
  });

  it('uses only field names the forms know', () => {
    for (const [action, fields] of Object.entries(FIELDS)) {
      if (action === 'scores') continue;
      const refusal = explainRefusal(action as keyof typeof FIELDS, refused('Enter why you want to change your scores.'))!;
      expect([...fields, 'form']).toContain(refusal[0]!.field);
    }
  });

  it('keeps a refusal it does not know in the database words, with the hint', () => {
    expect(explainRefusal('scores', refused('We could not find that application.', { status: 404, hint: 'Go back to the list.' }))).toEqual([
      { field: 'form', message: 'We could not find that application. Go back to the list.' },
    ]);
  });

  it('leaves offline, signed-out and server faults to the screens', () => {
    expect(explainRefusal('scores', refused('x', { offline: true, status: 0 }))).toBeUndefined();
    expect(explainRefusal('scores', refused('x', { signedOut: true, status: 401 }))).toBeUndefined();
    expect(explainRefusal('scores', refused('x', { status: 500 }))).toBeUndefined();
  });

  it('reads the stage from the hint, and ignores anything else', () => {
    expect(stageFromHint('The round is at the "scoring" stage.')).toBe('scoring');
    expect(stageFromHint('The round is at the "nowhere" stage.')).toBeUndefined();
    expect(stageFromHint(undefined)).toBeUndefined();
  });
});

describe('before a member tries to score', () => {
  it('says whether scoring has not started or has closed, and whom to ask', () => {
    expect(notScoringWords('closed', false)).toBe('Scoring has not started for this round yet. It is at: Applications closed. Ask the chair or the grants officer what to do.');
    expect(notScoringWords('panel', true)).toBe('Scoring has closed for this round. It is now at: Panel meeting. The scores you chose are kept on this device. Ask the chair or the grants officer what to do.');
  });
});
