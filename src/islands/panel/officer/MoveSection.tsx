// Moving a round on to its next stage: what the move needs, in plain words, a reason when
// scoring is cut short, and one press for one move (it changes what everyone sees).
import { useState } from 'react';
import type { ApiProblem } from '../../../lib/api-call';
import { moveRound, type Round } from '../../../lib/api/rounds';
import { ROUND_STATES, STATE_WORDS, type RoundState } from '../../../lib/grants/rounds';
import { Textarea } from '../../ui/Textarea';
import { useOnce } from '../../ui/useOnce';
import { FairPanelNote } from './FairPanelNote';
import { UnsentDraftsNote } from './UnsentDraftsNote';
import { useKeptForm } from './useKeptForm';

const NEXT_NEEDS: Partial<Record<RoundState, string>> = {
  draft: 'Opening needs at least one scoring question.',
  open: 'Closing stops new applications.',
  closed: 'Scoring needs applications, a plain-English summary for each, and a fair panel: its chair and the members this round asks for.',
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
  // The two moves that may go ahead with a reason: scoring with a panel short of fair, and the
  // panel meeting before every score is in.
  const shortfall = round.state === 'closed' ? round.panel_shortfall : undefined;
  const reasonLabel =
    round.state === 'scoring'
      ? 'Reason to move on before everyone has submitted (only if needed)'
      : shortfall
        ? 'Reason to start scoring without a fair panel (only if needed)'
        : undefined;
  const move = () =>
    onceMove(async () => {
      if (!next) return;
      setMoved(undefined);
      const result = await moveRound({
        p_round_id: round.id,
        p_to: next,
        p_force_reason: (reasonLabel && kept.forceReason.trim()) || null,
      });
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
          {shortfall && <FairPanelNote shortfall={shortfall} />}
          {round.state === 'scoring' && round.unsent_drafts && round.unsent_drafts.length > 0 && (
            <UnsentDraftsNote roundId={round.id} unsent={round.unsent_drafts} onProblem={onProblem} />
          )}
          {reasonLabel && (
            <Textarea
              id="force-reason"
              label={reasonLabel}
              hint="It goes into the audit trail."
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
