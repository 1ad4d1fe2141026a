// Moving a round on to its next stage: what the move needs, in plain words, a reason when
// scoring is cut short, and one press for one move (it changes what everyone sees).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { moveRound, type Round } from '../../../lib/api/rounds';
import { ROUND_STATES, STATE_WORDS, type RoundState } from '../../../lib/grants/rounds';
import { Textarea } from '../../ui/Textarea';
import { useOnce } from '../../ui/useOnce';
import { useKeptForm } from './useKeptForm';

const NEXT_NEEDS: Partial<Record<RoundState, string>> = {
  draft: 'Opening needs at least one scoring question.',
  open: 'Closing stops new applications.',
  closed: 'Scoring needs applications, a plain-English summary for each, and panel members.',
  scoring: 'The panel meeting should wait until every member has submitted their scores. If it cannot wait, give a reason: it is recorded.',
  panel: 'Sending to review needs the panel\u2019s recommendation for every application.',
  recommended: 'Marking it decided needs the Cabinet\u2019s decision for every application.',
  decided: 'Publishing shows the awards on the public website, with 360Giving data.',
};

export function MoveSection({
  round,
  onProblem,
  onMoved,
}: {
  round: Round;
  onProblem: (p: ApiProblem | undefined) => void;
  onMoved: () => Promise<void>;
}) {
  const [moved, setMoved] = useState<string>();
  const [kept, setKept, forgetKept] = useKeptForm(`force-reason:${round.id}`, () => ({ forceReason: '' }));
  const [moving, onceMove] = useOnce();
  const next = ROUND_STATES[ROUND_STATES.indexOf(round.state) + 1];
  const move = () =>
    onceMove(async () => {
      if (!next) return;
      setMoved(undefined);
      const result = await moveRound({ p_round_id: round.id, p_to: next, p_force_reason: kept.forceReason.trim() || null });
      if (!result.ok) return onProblem(result);
      onProblem(undefined);
      forgetKept();
      setMoved(`The round is now at: ${STATE_WORDS[next]}.`);
      await onMoved();
    });
  return (
    <>
      <p className="govuk-body" role="status">
        {moved}
      </p>
      {next && (
        <section aria-labelledby="move-heading" className="wt-move">
          <h2 className="govuk-heading-m" id="move-heading">
            Next: {STATE_WORDS[next]}
          </h2>
          <p className="govuk-body">{NEXT_NEEDS[round.state]}</p>
          {round.state === 'scoring' && (
            <Textarea
              id="force-reason"
              label="Reason to move on before everyone has submitted (only if needed)"
              rows={2}
              value={kept.forceReason}
              onChange={(v) => setKept({ forceReason: v })}
            />
          )}
          <button type="button" className="govuk-button" aria-disabled={moving || undefined} onClick={() => void move()}>
            {next === 'published' ? 'Publish the awards' : `Move to: ${STATE_WORDS[next]}`}
          </button>
        </section>
      )}
    </>
  );
}
